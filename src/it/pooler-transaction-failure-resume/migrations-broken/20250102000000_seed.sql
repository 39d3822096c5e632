-- atlas:txmode none

INSERT INTO items VALUES (1);
INSERT INTO item VALUES (2);
INSERT INTO items VALUES (3);
