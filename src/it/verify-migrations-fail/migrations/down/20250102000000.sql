-- Forgets the column: the round trip catches it.
DROP INDEX users_nickname_idx;
