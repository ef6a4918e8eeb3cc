-- What EF Core cannot express: the app role, row-level security, and the few SQL functions the model and the
-- cross-tenant reads need. Applied by the initial migration in two parts: the first before EF creates the tables
-- (generated columns call op_tags_text), the second after them.
--
-- Tenant isolation: the bot runs as a member of operatorone_app, which owns nothing and is subject to row-level
-- security; every table with an organization_id admits only rows of app.organization_id, which the connection sets
-- (OrganizationConnectionInterceptor). The reads that must cross organizations before the tenant is known are
-- SECURITY DEFINER functions owned by the schema owner.

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_app') THEN
    CREATE ROLE operatorone_app NOLOGIN;
  END IF;
END $$;

-- Fuzzy names ("Dana from Acme").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION op_current_org() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;

-- The member a turn or API call acts for; member-scoped policies (document visibility) admit that member's rows.
CREATE FUNCTION op_current_member() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.member_id', true), '')::uuid $$;

-- Document tags as words for the generated search vector (array_to_string is not immutable by itself).
CREATE FUNCTION op_tags_text(p_tags text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT coalesce(array_to_string(p_tags, ' '), '') $$;

-- @tables: everything below runs after EF has created the tables.

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations USING (id = op_current_org()) WITH CHECK (id = op_current_org());

-- Every table that holds an organization's data has an organization_id, and every such table is isolated: a new
-- table is covered without anyone remembering to list it.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
           WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND tb.table_type = 'BASE TABLE'
           ORDER BY c.table_name
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = op_current_org()) WITH CHECK (organization_id = op_current_org())', t);
  END LOOP;
END $$;

-- The teams the current member belongs to, read once per query (not once per row) by the document policies.
CREATE FUNCTION op_current_member_teams() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT coalesce(array_agg(team_id), '{}') FROM team_members
      WHERE member_id = op_current_member() AND organization_id = op_current_org() $$;

-- Documents are private, team or organization-wide; without a member only organization rows are visible.
CREATE POLICY document_visibility ON documents AS RESTRICTIVE
  USING (visibility = 'Organization'
         OR owner_id = op_current_member()
         OR (visibility = 'Team' AND team_id = ANY ((SELECT op_current_member_teams())::uuid[])));
CREATE POLICY document_visibility ON document_contents AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM documents d WHERE d.id = document_contents.document_id));

-- The organization keeps an active owner: demoting, deactivating or deleting its last one is refused whichever path
-- tries (admin API, chat tool, approval). The organization's row is locked before counting, so two owners demoted at
-- once by concurrent transactions cannot both go: the second counts again after the first commits.
CREATE FUNCTION op_keep_an_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.role = 'Owner' AND NEW.is_active THEN
    RETURN NULL;
  END IF;
  IF current_setting('operatorone.deleting_organization', true) = OLD.organization_id::text THEN
    RETURN NULL; -- the whole organization is being deleted (op_delete_organization_rows), its owners with it
  END IF;
  PERFORM 1 FROM organizations WHERE id = OLD.organization_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL; -- the organization itself is being deleted
  END IF;
  IF NOT EXISTS (SELECT 1 FROM members WHERE organization_id = OLD.organization_id AND role = 'Owner' AND is_active) THEN
    RAISE EXCEPTION 'The organization must keep at least one active owner.'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'op_keep_an_owner';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER members_keep_an_owner AFTER UPDATE OF role, is_active OR DELETE ON members
  FOR EACH ROW WHEN (OLD.role = 'Owner' AND OLD.is_active) EXECUTE FUNCTION op_keep_an_owner();

-- Which organization a channel installation (Teams tenant, Slack team, phone number, web chat site) belongs to. Only a
-- proven installation counts: a pending claim routes nothing. PL/pgSQL rather than SQL, here and in op_count_turn: a
-- SQL function with a SET clause is planned again on every call, a PL/pgSQL one keeps its plans for the session, and
-- every turn calls both.
CREATE FUNCTION op_find_installation(p_channel text, p_external_id text)
  RETURNS TABLE (organization_id uuid, installation_id uuid, revoked boolean)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT i.organization_id, i.id, i.revoked_at IS NOT NULL FROM channel_installations i
                WHERE i.channel = p_channel AND i.external_id = p_external_id AND i.verified_at IS NOT NULL;
END $$;

-- A turn counted against its sender's and its organization's one-minute windows, in a statement committed on its own:
-- the counter rows are locked for that statement only, never for the turn. Both rows in one statement, the sender's
-- first: every turn locks them in the same order. A delivery already processed counts nothing (its transaction says
-- "duplicate"), and only the organization entered on the connection is counted. The calling statement turns
-- synchronous_commit off for its own transaction: set here, the function's SET clause would undo it on return.
CREATE FUNCTION op_count_turn(p_org uuid, p_user_key text, p_channel text, p_delivery_id text, p_window timestamptz)
  RETURNS TABLE (user_count int, org_count int)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH counted AS (
    INSERT INTO rate_limit_windows AS w (organization_id, key, window_start, count)
    SELECT p_org, k.key, p_window, 1 FROM unnest(ARRAY[p_user_key, 'org']) WITH ORDINALITY AS k(key, n)
     WHERE p_org = op_current_org()
       AND NOT EXISTS (SELECT 1 FROM processed_deliveries d
                        WHERE d.organization_id = p_org AND d.channel = p_channel AND d.delivery_id = p_delivery_id)
     ORDER BY k.n
    ON CONFLICT (organization_id, key) DO UPDATE SET
      count = CASE WHEN w.window_start = excluded.window_start THEN w.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING w.key, w.count)
  SELECT coalesce(max(c.count) FILTER (WHERE c.key <> 'org'), 0)::int, coalesce(max(c.count) FILTER (WHERE c.key = 'org'), 0)::int
    FROM counted c;
END $$;

-- A turn's first statement: the organization holding the proven, unrevoked installation is entered on the connection
-- (acting for no member yet) and the turn is counted (op_count_turn). No row: nobody's installation. A web chat turn
-- names its Direct Line conversation (p_conversation), which must be one of that site's: the endpoint reads nothing
-- itself, so the check rides here. Without it (conversation_found false) nothing is counted.
CREATE FUNCTION op_enter_turn(p_channel text, p_external_id text, p_user_key text, p_delivery_id text, p_window timestamptz,
                              p_conversation text DEFAULT NULL)
  RETURNS TABLE (organization_id uuid, user_count int, org_count int, conversation_found boolean)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_orgs uuid[];
BEGIN
  SELECT array_agg(f.organization_id) INTO v_orgs FROM op_find_installation(p_channel, p_external_id) f WHERE NOT f.revoked;
  IF v_orgs IS NULL THEN
    RETURN;
  END IF;
  IF cardinality(v_orgs) > 1 THEN
    -- The unique index on proven installations makes this impossible; a connection left in some tenant must not be used.
    RAISE EXCEPTION 'Installation %/% is proven for % organizations.', p_channel, p_external_id, cardinality(v_orgs);
  END IF;
  PERFORM set_config('app.organization_id', v_orgs[1]::text, false), set_config('app.member_id', '', false);
  IF p_channel = 'webchat' AND p_conversation IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM direct_line_conversations c
        WHERE c.id = p_conversation AND c.site_id = p_external_id AND c.organization_id = v_orgs[1]) THEN
    RETURN QUERY SELECT v_orgs[1], 0, 0, false;
    RETURN;
  END IF;
  RETURN QUERY SELECT v_orgs[1], c.user_count, c.org_count, true
                 FROM op_count_turn(v_orgs[1], p_user_key, p_channel, p_delivery_id, p_window) c;
END $$;

-- A pending claim whose one-time code came back from the channel itself (a signed activity of the Teams tenant): the
-- organization that made it. Several organizations may claim one id; only the holder of the code is found.
CREATE FUNCTION op_find_challenged_installation(p_channel text, p_external_id text, p_challenge_hash bytea)
  RETURNS TABLE (organization_id uuid, installation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT organization_id, id FROM channel_installations
      WHERE channel = p_channel AND external_id = p_external_id AND verified_at IS NULL AND challenge_hash = p_challenge_hash $$;

-- The support mailboxes every replica reads (proven email installations of all organizations); no secrets, only where to look.
CREATE FUNCTION op_email_mailboxes()
  RETURNS TABLE (organization_id uuid, address text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT organization_id, external_id FROM channel_installations
      WHERE channel = 'email' AND revoked_at IS NULL AND verified_at IS NOT NULL ORDER BY external_id $$;

-- Periodic jobs visit every organization.
CREATE FUNCTION op_organization_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT id FROM organizations ORDER BY id $$;

-- Background work (outbox deliveries, accepted turns, periodic jobs) is claimed by a replica. A claim is dead when
-- its replica has not beaten for p_timeout seconds (killed, frozen, cut off; a clean stop deletes the row at once)
-- or was taken more than p_max_hold seconds ago (a stuck worker): then any replica may take the row.
CREATE FUNCTION op_claim_is_dead(p_claimed_by text, p_claimed_at timestamptz, p_timeout int, p_max_hold int) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT p_claimed_by IS NULL
      OR p_claimed_at < now() - make_interval(secs => p_max_hold)
      -- Claimed before the server last started: whatever held it lost its work in the restart and may never hand it back.
      OR p_claimed_at < pg_postmaster_start_time()
      OR NOT EXISTS (SELECT 1 FROM replicas r WHERE r.id = p_claimed_by AND r.seen_at > now() - make_interval(secs => p_timeout)) $$;

-- Claims due outbox rows for one replica; SKIP LOCKED lets every replica claim a disjoint set.
CREATE FUNCTION op_claim_outbox(p_worker text, p_batch int, p_timeout int, p_max_hold int)
  RETURNS TABLE (id bigint, organization_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE outbox_messages o
     SET claimed_by = p_worker, claimed_at = now()
   WHERE o.id IN (
         SELECT c.id FROM outbox_messages c
          WHERE c.status = 'Pending' AND c.next_attempt_at <= now()
            AND op_claim_is_dead(c.claimed_by, c.claimed_at, p_timeout, p_max_hold)
          ORDER BY c.next_attempt_at, c.id
          LIMIT p_batch
          FOR UPDATE SKIP LOCKED)
  RETURNING o.id, o.organization_id $$;

-- Delivered in a request right after its turn committed: marked sent in batches, across organizations.
CREATE FUNCTION op_outbox_delivered(p_worker text, p_ids bigint[], p_activity_ids text[]) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE outbox_messages o
     SET status = 'Sent', sent_at = now(), sent_activity_id = d.activity_id, claimed_by = NULL, claimed_at = NULL
    FROM unnest(p_ids, p_activity_ids) AS d(id, activity_id)
   WHERE o.id = d.id AND o.claimed_by = p_worker AND o.status = 'Pending' $$;

-- Claims accepted turns whose replica is gone (or that failed and wait for another attempt).
CREATE FUNCTION op_claim_accepted_turns(p_worker text, p_batch int, p_timeout int, p_max_hold int)
  RETURNS TABLE (id bigint, organization_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE accepted_turns t
     SET claimed_by = p_worker, claimed_at = now()
   WHERE t.id IN (
         SELECT c.id FROM accepted_turns c
          WHERE c.status = 'Pending' AND c.next_attempt_at <= now()
            AND op_claim_is_dead(c.claimed_by, c.claimed_at, p_timeout, p_max_hold)
          ORDER BY c.next_attempt_at, c.id
          LIMIT p_batch
          FOR UPDATE SKIP LOCKED)
  RETURNING t.id, t.organization_id $$;

-- Old de-duplication rows and finished accepted turns go, across organizations; a retry later than this is new.
CREATE FUNCTION op_purge_turns(p_keep_hours int) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM processed_deliveries WHERE received_at < now() - make_interval(hours => p_keep_hours);
  DELETE FROM accepted_turns WHERE status <> 'Pending' AND accepted_at < now() - make_interval(hours => p_keep_hours) $$;

-- Wakes the web chat streams of every replica when an activity is appended to a conversation's log.
CREATE FUNCTION op_notify_direct_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('direct_line', NEW.conversation_id);
  RETURN NULL;
END $$;

CREATE TRIGGER direct_line_activity_notify AFTER INSERT ON direct_line_activities
  FOR EACH ROW EXECUTE FUNCTION op_notify_direct_line();

-- Web chat activity ids ({conversation}|{number}) come from one sequence, so a message's id is known before its turn
-- writes it to the log, without a lock or a commit.
CREATE SEQUENCE direct_line_activity_numbers;

-- Which organization a Direct Line conversation belongs to (the outbox delivers to it by id).
CREATE FUNCTION op_find_direct_line_conversation(p_conversation_id text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT organization_id FROM direct_line_conversations WHERE id = p_conversation_id $$;

-- The one admin lookup before the tenant is known: which organization and member a presented key id belongs to.
CREATE FUNCTION op_find_api_key(p_id uuid)
  RETURNS TABLE (organization_id uuid, member_id uuid, role text, secret_hash bytea, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT organization_id, member_id, role, secret_hash, revoked_at FROM api_keys WHERE id = p_id $$;

-- The telemetry gauges: one query over all organizations.
CREATE FUNCTION op_backlog() RETURNS TABLE (pending_approvals bigint, outbox_depth bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT (SELECT count(*) FROM approval_requests WHERE status = 'Pending'),
         (SELECT count(*) FROM outbox_messages WHERE status = 'Pending') $$;

-- Document search under row-level security: @@ is not leakproof, so the policy would be checked before the GIN index
-- could be used. Three bounded probes, best first: every word in the title, some word in the title and every word in
-- the text, every word anywhere. LIMIT without ORDER BY stops each heap scan early, so the work stays bounded however
-- many documents match; the caller ranks the union, reading it by id under row-level security. JIT off: compiling
-- costs more than it runs.
CREATE FUNCTION op_document_candidates(p_query tsquery, p_words tsquery, p_tag text, p_owner uuid, p_cap int)
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
  WITH visible AS NOT MATERIALIZED (
    SELECT d.id, d.title_vector, d.search_vector FROM documents d
     WHERE d.organization_id = op_current_org()
       AND (d.visibility = 'Organization'
            OR d.owner_id = op_current_member()
            OR (d.visibility = 'Team' AND d.team_id = ANY ((SELECT op_current_member_teams())::uuid[])))
       AND (p_tag IS NULL OR d.tags @> ARRAY[p_tag])
       AND (p_owner IS NULL OR d.owner_id = p_owner))
  (SELECT id FROM visible WHERE title_vector @@ p_query LIMIT p_cap)
  UNION
  (SELECT id FROM visible WHERE title_vector @@ p_words AND search_vector @@ p_query LIMIT p_cap)
  UNION
  (SELECT id FROM visible WHERE search_vector @@ p_query LIMIT p_cap) $$;

-- Export and deletion of the current organization, table by table: every row it owns, whatever member-scoped policies
-- (document visibility) would hide, since a private document is still the organization's. Only the organizations table
-- and tables with an organization_id qualify, and only the current organization's rows are touched.
CREATE FUNCTION op_tenant_table_filter(p_table text) RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF op_current_org() IS NULL THEN
    RAISE EXCEPTION 'no organization is set';
  END IF;
  IF p_table = 'organizations' THEN
    RETURN 'id';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns c
                  JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
                 WHERE c.table_schema = 'public' AND c.table_name = p_table AND c.column_name = 'organization_id'
                   AND tb.table_type = 'BASE TABLE') THEN
    RAISE EXCEPTION 'not a tenant table: %', p_table;
  END IF;
  RETURN 'organization_id';
END $$;

CREATE FUNCTION op_organization_rows(p_table text) RETURNS SETOF json
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT row_to_json(t) FROM %I t WHERE %I = $1', p_table, op_tenant_table_filter(p_table))
    USING op_current_org();
END $$;

CREATE FUNCTION op_delete_organization_rows(p_table text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE deleted bigint;
BEGIN
  -- Tells op_keep_an_owner, for this transaction only, that the last owner goes because the organization does.
  PERFORM set_config('operatorone.deleting_organization', op_current_org()::text, true);
  EXECUTE format('DELETE FROM %I WHERE %I = $1', p_table, op_tenant_table_filter(p_table)) USING op_current_org();
  GET DIAGNOSTICS deleted = ROW_COUNT;
  RETURN deleted;
END $$;

-- Ticket, approval and event numbers: a sequence per organization and kind, created with the organization (starting
-- after its last_ticket_number / last_approval_number / last_event_number, for one seeded with some) and dropped with
-- it. nextval holds no lock until commit, unlike a counter on the organization's row: turns of one organization opening
-- tickets, asking for approvals or booking events at once never wait for each other's commit. A number taken by a turn
-- that rolls back stays unused. The app role reaches the sequences only through op_next_number(s), for its own
-- organization.
CREATE FUNCTION op_number_sequence(p_kind text, p_organization uuid) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'op_' || p_kind || '_numbers_' || replace(p_organization::text, '-', '') $$;

CREATE FUNCTION op_number_sequences_follow() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('CREATE SEQUENCE %I AS integer START WITH %s', op_number_sequence('ticket', NEW.id), NEW.last_ticket_number + 1);
    EXECUTE format('CREATE SEQUENCE %I AS integer START WITH %s', op_number_sequence('approval', NEW.id), NEW.last_approval_number + 1);
    EXECUTE format('CREATE SEQUENCE %I AS integer START WITH %s', op_number_sequence('event', NEW.id), NEW.last_event_number + 1);
    EXECUTE format('REVOKE ALL ON SEQUENCE %I, %I, %I FROM operatorone_app',
      op_number_sequence('ticket', NEW.id), op_number_sequence('approval', NEW.id), op_number_sequence('event', NEW.id));
  ELSE
    EXECUTE format('DROP SEQUENCE IF EXISTS %I, %I, %I',
      op_number_sequence('ticket', OLD.id), op_number_sequence('approval', OLD.id), op_number_sequence('event', OLD.id));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER organizations_number_sequences AFTER INSERT OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION op_number_sequences_follow();

-- A block of p_count numbers in a row (a recurring series is numbered #5-#14), returning the last. Event numbers are
-- taken under a session advisory lock held only while the block is taken, never to the commit: without it a series and
-- a single event booked at once could share a number.
CREATE FUNCTION op_next_numbers(p_kind text, p_organization uuid, p_count integer) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  numbers regclass;
  first integer;
BEGIN
  IF p_kind NOT IN ('ticket', 'approval', 'event') OR p_organization IS DISTINCT FROM op_current_org() THEN
    RAISE EXCEPTION 'no % numbers of organization % here', p_kind, p_organization;
  END IF;
  IF p_count < 1 OR (p_count > 1 AND p_kind <> 'event') THEN
    RAISE EXCEPTION 'no block of % % numbers', p_count, p_kind;
  END IF;
  numbers := op_number_sequence(p_kind, p_organization)::regclass;
  IF p_kind <> 'event' THEN
    RETURN nextval(numbers);
  END IF;
  PERFORM pg_advisory_lock(numbers::oid::bigint);
  BEGIN
    first := nextval(numbers);
    IF p_count > 1 THEN
      PERFORM setval(numbers, first + p_count - 1);
    END IF;
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock(numbers::oid::bigint);
    RAISE;
  END;
  PERFORM pg_advisory_unlock(numbers::oid::bigint);
  RETURN first + p_count - 1;
END $$;

CREATE FUNCTION op_next_number(p_kind text, p_organization uuid) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS
  $$ SELECT op_next_numbers(p_kind, p_organization, 1) $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO operatorone_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO operatorone_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO operatorone_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO operatorone_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO operatorone_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO operatorone_app;
