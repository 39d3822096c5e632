-- Reference data in a new table.
CREATE TABLE app.countries (
    code text PRIMARY KEY CHECK (char_length(code) = 2),
    name text NOT NULL
);

INSERT INTO app.countries (code, name) VALUES ('DE', 'Germany'), ('FR', 'France'), ('NL', 'Netherlands');

CREATE OR REPLACE VIEW app.paid_orders AS
    SELECT o.id, o.account_id, o.total FROM app.orders o WHERE o.status = 'paid';

GRANT SELECT ON app.paid_orders TO PUBLIC;
