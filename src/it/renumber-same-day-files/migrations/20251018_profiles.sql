-- 20251018_profiles
SELECT 1;
