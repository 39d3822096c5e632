-- atlas:txmode none

ALTER TYPE plan ADD VALUE 'team' BEFORE 'pro';

INSERT INTO users (id, email, plan) VALUES (1, 'team@example.com', 'team');
