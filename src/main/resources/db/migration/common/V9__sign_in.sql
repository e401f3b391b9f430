-- Signing in to the console (issue #13): passwords, two-factor, invitations, sessions and the
-- counters that slow down guessing. Nothing here is a secret that works by itself: passwords are
-- Argon2id hashes, TOTP secrets are Tink ciphertext, and invitations and sessions are kept as the
-- SHA-256 of their random value.

-- A PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash); null: the user cannot sign in to the
-- console (made by `user add`, or invited and not yet arrived) and uses bearer tokens only.
ALTER TABLE users ADD COLUMN password_hash TEXT;
-- The TOTP secret, encrypted (users.totp_secret/ID); required with every password.
ALTER TABLE users ADD COLUMN totp_secret_enc ${blob};
-- The last 30-second step a code was accepted for: a code is accepted once, and never for an
-- earlier step, so a code seen over a shoulder or in a proxy's log cannot be replayed.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;
-- A disabled user's sessions and tokens end at once and no new ones are made.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
ALTER TABLE users ADD COLUMN disabled_by TEXT REFERENCES users (id);

-- An invitation sets (or resets) a user's password and authenticator; its URL is shown once.
CREATE TABLE invitations (
    hash            TEXT PRIMARY KEY,        -- SHA-256 of the token in the URL
    user_id         TEXT NOT NULL REFERENCES users (id),
    totp_secret_enc ${blob} NOT NULL,        -- the secret to enrol (invitations.totp_secret/HASH)
    created_by      TEXT REFERENCES users (id), -- null: made on the command line
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    used_at         BIGINT                   -- accepted, or replaced by a newer invitation
);
CREATE INDEX invitations_user ON invitations (user_id);

-- A signed-in browser. The cookie holds a random id; only its SHA-256 is kept here, so a copy of
-- the database opens no session. The CSRF token is the session's own, sent back in forms and the
-- X-CSRF-Token header.
CREATE TABLE sessions (
    hash          TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    csrf          TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    ended_at      BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins per account name and per client address, in the database so that every node
-- of a cluster counts the same guesses. The subject is the SHA-256 of "account:NAME" or
-- "address:IP" (an IPv6 client by its /64), so the table names nobody.
CREATE TABLE sign_in_failures (
    subject          TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_at  BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure_at);
