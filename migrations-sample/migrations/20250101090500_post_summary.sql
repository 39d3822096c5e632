-- A SQL-standard function body and a view for the front page.
CREATE FUNCTION post_excerpt(body text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN length(body) > 140 THEN left(body, 137) || '...' ELSE body END;
END;

CREATE VIEW front_page AS
    SELECT p.id, p.title, post_excerpt(p.body) AS excerpt, u.email AS author, p.created_at
    FROM posts p
    JOIN users u ON u.id = p.author_id
    WHERE p.published;

COMMENT ON VIEW front_page IS 'Published posts; it''s what the home page shows.';
