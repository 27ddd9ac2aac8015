"""The suite's own PostgreSQL server: a missing installation is an error, never a skip."""

from __future__ import annotations

import os

import psycopg
import pytest

from tests.pg_server import PgServer, PgServerError


def test_without_postgresql_binaries_the_server_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("CASEDESK_PG_BINDIR", str(tmp_path))
    with pytest.raises(PgServerError, match="apt-get install postgresql"):
        PgServer()


def test_the_server_listens_on_loopback_and_runs_as_a_non_root_user(pg_server, pg_url):
    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(host="127.0.0.1", port=pg_server.port, user="casedesk", dbname=name) as c:
        address, tables = c.execute(
            "SELECT host(inet_server_addr()),"
            " (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')"
        ).fetchone()
    assert (address, tables) == ("127.0.0.1", 0)  # pg_url is a fresh, empty database
    owner = (pg_server.data / "PG_VERSION").stat().st_uid
    assert owner != 0
    if os.geteuid() == 0:
        assert owner == pg_server.run_as.pw_uid
