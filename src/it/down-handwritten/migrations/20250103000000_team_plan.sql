ALTER TYPE plan ADD VALUE 'team' BEFORE 'pro';
