-- A new table referencing only new tables, with its trigger.
CREATE TABLE app.audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE app.audit_tags (
    audit_id bigint NOT NULL REFERENCES app.audit_log (id),
    tag      text NOT NULL
);

CREATE FUNCTION app.audit_tags_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.tag = '' THEN
        RAISE EXCEPTION 'empty tag';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_tags_guard BEFORE INSERT ON app.audit_tags FOR EACH ROW EXECUTE FUNCTION app.audit_tags_guard();
