"""Ordered schema migrations of the store. Append new ones; never edit one that has shipped.

Units in the store are canonical: money in 万元, energy in 吨标准煤, land in 亩, water in 立方米,
carbon in 吨 CO2, people in 人. Every data row carries the ``import_id`` of the import that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables: reference catalogues, enterprises, statistics, chains, plans, import log", (
        """CREATE TABLE import_log (
            import_id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, file_name VARCHAR, file_path VARCHAR,
            sha256 VARCHAR, file_bytes BIGINT, rows_read BIGINT, rows_imported BIGINT, rows_rejected BIGINT,
            rows_replaced BIGINT, periods VARCHAR, outcome VARCHAR NOT NULL, message VARCHAR,
            report_path VARCHAR, quarantine_path VARCHAR, options VARCHAR,
            started_at TIMESTAMP, finished_at TIMESTAMP)""",
        """CREATE TABLE regions (
            code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level VARCHAR NOT NULL, city_code VARCHAR,
            province_code VARCHAR, status VARCHAR NOT NULL, successor_code VARCHAR, retired_in INTEGER,
            in_home_province BOOLEAN NOT NULL, import_id INTEGER)""",
        """CREATE TABLE industries (
            code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level INTEGER NOT NULL, parent_code VARCHAR,
            section VARCHAR, import_id INTEGER)""",
        """CREATE TABLE industry_catalogue (
            catalogue VARCHAR NOT NULL, code VARCHAR NOT NULL, partial BOOLEAN NOT NULL,
            category_path VARCHAR, import_id INTEGER, PRIMARY KEY (catalogue, code))""",
        """CREATE TABLE parks (
            park_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level VARCHAR NOT NULL,
            region_code VARCHAR NOT NULL, region_code_reported VARCHAR, area_mu DOUBLE, kind VARCHAR,
            import_id INTEGER)""",
        """CREATE TABLE enterprises (
            uscc VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, region_code VARCHAR NOT NULL,
            region_code_reported VARCHAR, park_id VARCHAR, industry_code VARCHAR NOT NULL,
            founded_year INTEGER, ownership VARCHAR, listed BOOLEAN, import_id INTEGER)""",
        """CREATE TABLE enterprise_titles (
            uscc VARCHAR NOT NULL, title VARCHAR NOT NULL, level VARCHAR, year_granted INTEGER NOT NULL,
            year_expiring INTEGER, product VARCHAR, import_id INTEGER,
            PRIMARY KEY (uscc, title, year_granted))""",
        """CREATE TABLE statistics (
            uscc VARCHAR NOT NULL, period VARCHAR NOT NULL, period_type VARCHAR NOT NULL,
            year INTEGER NOT NULL, month INTEGER NOT NULL, above_scale BOOLEAN,
            revenue DOUBLE, value_added DOUBLE, gross_output DOUBLE, profit DOUBLE, tax DOUBLE,
            rd_expense DOUBLE, employees INTEGER, energy_tce DOUBLE, water_m3 DOUBLE, carbon_t DOUBLE,
            land_mu DOUBLE, investment DOUBLE, digital_design_tools BOOLEAN, import_id INTEGER,
            PRIMARY KEY (uscc, period))""",
        """CREATE TABLE transactions (
            seller_uscc VARCHAR NOT NULL, seller_region VARCHAR NOT NULL, buyer_uscc VARCHAR NOT NULL,
            buyer_region VARCHAR NOT NULL, period VARCHAR NOT NULL, amount DOUBLE NOT NULL,
            product_code VARCHAR, import_id INTEGER)""",
        """CREATE TABLE chains (
            chain_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, sector VARCHAR, leader VARCHAR,
            leader_title VARCHAR, description VARCHAR, import_id INTEGER)""",
        """CREATE TABLE segments (
            chain_id VARCHAR NOT NULL, segment_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
            stage VARCHAR NOT NULL, parent_segment_id VARCHAR, industry_codes VARCHAR,
            product_codes VARCHAR, keywords VARCHAR, import_id INTEGER, PRIMARY KEY (chain_id, segment_id))""",
        """CREATE TABLE placements (
            chain_id VARCHAR NOT NULL, segment_id VARCHAR NOT NULL, uscc VARCHAR NOT NULL,
            role VARCHAR NOT NULL, source VARCHAR NOT NULL, import_id INTEGER,
            PRIMARY KEY (chain_id, segment_id, uscc))""",
        """CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, level VARCHAR NOT NULL,
            region_code VARCHAR, chain_id VARCHAR, year_recognised INTEGER, import_id INTEGER)""",
        """CREATE TABLE cluster_members (
            cluster_id VARCHAR NOT NULL, uscc VARCHAR NOT NULL, import_id INTEGER,
            PRIMARY KEY (cluster_id, uscc))""",
        """CREATE TABLE projects (
            project_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, chain_id VARCHAR, segment_id VARCHAR,
            uscc VARCHAR, region_code VARCHAR, park_id VARCHAR, stage VARCHAR NOT NULL,
            investment DOUBLE, expected_output DOUBLE, signed_date DATE, start_date DATE,
            production_date DATE, import_id INTEGER)""",
        """CREATE TABLE plans (
            plan_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, issuer VARCHAR, doc_number VARCHAR,
            jurisdiction VARCHAR, base_year INTEGER, target_year INTEGER, import_id INTEGER)""",
        """CREATE TABLE plan_indicators (
            plan_id VARCHAR NOT NULL, indicator_id VARCHAR NOT NULL, seq INTEGER, name VARCHAR NOT NULL,
            unit VARCHAR, category VARCHAR, base_value DOUBLE, base_year INTEGER, target_op VARCHAR NOT NULL,
            target_value DOUBLE, target_low DOUBLE, target_high DOUBLE, cumulative BOOLEAN,
            target_year INTEGER, attribute VARCHAR, responsible VARCHAR, note VARCHAR, import_id INTEGER,
            PRIMARY KEY (plan_id, indicator_id))""",
        """CREATE TABLE indicator_values (
            indicator VARCHAR NOT NULL, region_code VARCHAR NOT NULL, period VARCHAR NOT NULL,
            value DOUBLE NOT NULL, unit VARCHAR, source VARCHAR NOT NULL, import_id INTEGER,
            PRIMARY KEY (indicator, region_code, period))""",
        """CREATE TABLE deflators (
            region_code VARCHAR NOT NULL, year INTEGER NOT NULL, scope VARCHAR NOT NULL,
            index_value DOUBLE NOT NULL, base VARCHAR, source VARCHAR, import_id INTEGER,
            PRIMARY KEY (region_code, year, scope))""",
    )),
    Migration(2, "enterprise services and the platform: problem events, policy sets, users, audit log", (
        """CREATE TABLE problem_events (
            problem_id VARCHAR NOT NULL, seq INTEGER NOT NULL, event VARCHAR NOT NULL,
            hash VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL, PRIMARY KEY (problem_id, seq))""",
        """CREATE TABLE policy_sets (
            name VARCHAR NOT NULL, version VARCHAR NOT NULL, source VARCHAR, sha256 VARCHAR,
            document VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL, PRIMARY KEY (name, version))""",
        """CREATE TABLE users (
            username VARCHAR PRIMARY KEY, display_name VARCHAR, password_hash VARCHAR NOT NULL,
            role VARCHAR NOT NULL, scope_kind VARCHAR NOT NULL, scope_value VARCHAR,
            active BOOLEAN NOT NULL DEFAULT TRUE, created_at TIMESTAMP NOT NULL)""",
        """CREATE SEQUENCE audit_seq START 1""",
        """CREATE TABLE audit_log (
            audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'), occurred_at TIMESTAMP NOT NULL,
            username VARCHAR, action VARCHAR NOT NULL, resource VARCHAR, detail VARCHAR, client VARCHAR)""",
    )),
    Migration(3, "plans keep their whole document (sector and count targets, milestones) and its hash", (
        "ALTER TABLE plans ADD COLUMN document VARCHAR",
        "ALTER TABLE plans ADD COLUMN sha256 VARCHAR",
        "ALTER TABLE plans ADD COLUMN saved_at TIMESTAMP",
    )),
    Migration(4, "integer keys for trading parties and the yearly purchase pairs kept up to date by imports", (
        """CREATE TABLE parties (party_id INTEGER PRIMARY KEY, uscc VARCHAR NOT NULL UNIQUE)""",
        """CREATE TABLE purchase_pairs (
            year SMALLINT NOT NULL, seller_id INTEGER NOT NULL, seller_region VARCHAR NOT NULL,
            buyer_id INTEGER NOT NULL, buyer_region VARCHAR NOT NULL, product_code VARCHAR NOT NULL,
            amount DECIMAL(38, 6) NOT NULL, lines BIGINT NOT NULL)""",
        # existing workspaces: number the parties and sum the lines already stored
        """INSERT INTO parties SELECT row_number() OVER (ORDER BY uscc), uscc FROM (
            SELECT seller_uscc AS uscc FROM transactions UNION SELECT buyer_uscc FROM transactions)""",
        """INSERT INTO purchase_pairs
            SELECT CAST(substr(t.period, 1, 4) AS SMALLINT), s.party_id, t.seller_region, b.party_id,
                   t.buyer_region, coalesce(t.product_code, ''), sum(CAST(t.amount AS DECIMAL(38, 6))),
                   count(*)
            FROM transactions t JOIN parties s ON s.uscc = t.seller_uscc JOIN parties b ON b.uscc = t.buyer_uscc
            GROUP BY ALL""",
    )),
    Migration(5, "main pollutant emissions per enterprise and year (亩均 单位排放增加值)", (
        """CREATE TABLE pollutant_emissions (
            uscc VARCHAR NOT NULL, year INTEGER NOT NULL, cod_t DOUBLE, ammonia_n_t DOUBLE,
            so2_t DOUBLE, nox_t DOUBLE, source VARCHAR, import_id INTEGER,
            PRIMARY KEY (uscc, year))""",
    )),
    Migration(6, "official holiday arrangements loaded from files (the working-day calendar of a year)", (
        """CREATE TABLE holiday_arrangements (
            year INTEGER NOT NULL, sha256 VARCHAR NOT NULL, document_number VARCHAR NOT NULL,
            issued_on DATE, title VARCHAR, source VARCHAR, document VARCHAR NOT NULL,
            loaded_by VARCHAR, loaded_at TIMESTAMP NOT NULL, PRIMARY KEY (year, sha256))""",
    )),
    Migration(7, "the audit log is a keyed hash chain: each entry's MAC and the MAC before it", (
        "ALTER TABLE audit_log ADD COLUMN prev_mac VARCHAR",
        "ALTER TABLE audit_log ADD COLUMN mac VARCHAR",
    )),
    Migration(8, "accounts: demo flag, forced password change, token version (revocation)", (
        "ALTER TABLE users ADD COLUMN demo BOOLEAN DEFAULT FALSE",
        "ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE",
        "ALTER TABLE users ADD COLUMN token_version INTEGER DEFAULT 0",
        # existing workspaces: the accounts `gaodi demo` made carry its labels ending in （演示）
        """UPDATE users SET demo = (username IN ('admin', 'province', 'city', 'park', 'chain', 'enterprise')
            AND coalesce(display_name, '') LIKE '%（演示）'), must_change_password = FALSE, token_version = 0""",
    )),
    Migration(9, "the year a cluster list speaks for (名单年份), so cluster counts are dated by their data", (
        "ALTER TABLE clusters ADD COLUMN list_year INTEGER",
    )),
    Migration(10, "tasks (督办) with their steps, the in-app inbox, and an e-mail address per account", (
        """CREATE SEQUENCE task_seq START 1""",
        """CREATE TABLE tasks (
            task_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, body_code VARCHAR NOT NULL,
            original_body_code VARCHAR NOT NULL, source_kind VARCHAR NOT NULL, source_ref VARCHAR,
            detail VARCHAR, state VARCHAR NOT NULL, created_by VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
            set_on DATE NOT NULL, deadline_workdays INTEGER NOT NULL, escalations INTEGER NOT NULL,
            closed_at TIMESTAMP, evidence VARCHAR)""",
        """CREATE TABLE task_events (
            task_id VARCHAR NOT NULL, seq INTEGER NOT NULL, action VARCHAR NOT NULL, actor VARCHAR NOT NULL,
            occurred_at TIMESTAMP NOT NULL, body_code VARCHAR NOT NULL, note VARCHAR,
            PRIMARY KEY (task_id, seq))""",
        """CREATE SEQUENCE notification_seq START 1""",
        """CREATE TABLE notifications (
            notification_id BIGINT PRIMARY KEY DEFAULT nextval('notification_seq'), username VARCHAR NOT NULL,
            task_id VARCHAR, kind VARCHAR NOT NULL, message VARCHAR NOT NULL, message_en VARCHAR,
            marker VARCHAR, created_at TIMESTAMP NOT NULL, read_at TIMESTAMP, email_status VARCHAR)""",
        "ALTER TABLE users ADD COLUMN email VARCHAR",
    )),
    Migration(11, "warnings (预警): rule sets as loaded per jurisdiction, and the warnings with their state", (
        """CREATE TABLE alert_rule_sets (
            jurisdiction VARCHAR NOT NULL, version VARCHAR NOT NULL, name VARCHAR, effective DATE,
            sha256 VARCHAR NOT NULL, source VARCHAR, document VARCHAR NOT NULL, loaded_by VARCHAR,
            loaded_at TIMESTAMP NOT NULL, PRIMARY KEY (jurisdiction, version))""",
        """CREATE TABLE alerts (
            alert_id VARCHAR PRIMARY KEY, rule_id VARCHAR NOT NULL, rule_version VARCHAR NOT NULL,
            jurisdiction VARCHAR NOT NULL, kind VARCHAR NOT NULL, measure VARCHAR NOT NULL,
            severity VARCHAR NOT NULL, subject_kind VARCHAR NOT NULL, subject_id VARCHAR NOT NULL,
            subject_name VARCHAR, period VARCHAR NOT NULL, title VARCHAR NOT NULL, evidence VARCHAR,
            body_code VARCHAR NOT NULL, body_name VARCHAR NOT NULL, city_code VARCHAR, park_id VARCHAR,
            chain_id VARCHAR, uscc VARCHAR, state VARCHAR NOT NULL, reason VARCHAR,
            current BOOLEAN NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL, updated_by VARCHAR)""",
    )),
)

LATEST = MIGRATIONS[-1].version
