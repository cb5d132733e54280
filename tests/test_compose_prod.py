# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""docker-compose.prod.yml is valid Compose and runs Toimio as production needs
(issue 22): workers behind nginx with the websocket routed, no database
manager, secrets from files outside the repository, healthchecks on every
service, daily backups, a streaming read replica for reports.

No Docker engine runs in CI: the file is validated against the Compose
Specification's JSON schema, as tests/test_compose.py does for the demo file.
"""

import configparser
import re
import subprocess

import pytest
import yaml
from conftest import ROOT
from test_compose import compose_schema

PROD = ROOT / "docker-compose.prod.yml"
PROD_DIR = ROOT / "docker" / "prod"


@pytest.fixture(scope="module")
def prod():
    return yaml.safe_load(PROD.read_text())


@pytest.fixture(scope="module")
def odoo_conf():
    config = configparser.ConfigParser()
    config.read(PROD_DIR / "odoo.conf")
    return config["options"]


def test_the_production_file_matches_the_compose_specification(prod):
    import jsonschema

    schema = compose_schema()
    if schema is None:
        pytest.skip("Compose schema missing: pip install --no-deps docker-compose")
    jsonschema.Draft201909Validator(schema).validate(prod)


def test_every_service_has_a_healthcheck(prod):
    for name, service in prod["services"].items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
    # Odoo's own health URL is what the healthcheck asks.
    odoo_check = prod["services"]["odoo"]["healthcheck"]["test"]
    assert "http://localhost:8069/web/health" in odoo_check


def test_odoo_runs_with_workers_a_cron_worker_and_limits(odoo_conf):
    assert int(odoo_conf["max_cron_threads"]) == 1
    assert odoo_conf["gevent_port"] == "8072"
    for limit in (
        "limit_memory_soft",
        "limit_memory_hard",
        "limit_time_cpu",
        "limit_time_real",
    ):
        assert int(odoo_conf[limit]) > 0
    assert int(odoo_conf["limit_memory_soft"]) < int(odoo_conf["limit_memory_hard"])
    entrypoint = (PROD_DIR / "odoo-entrypoint.sh").read_text()
    assert 'echo "workers = ${ODOO_WORKERS:-4}"' in entrypoint


def test_behind_a_proxy_with_no_database_manager(odoo_conf):
    assert odoo_conf["proxy_mode"] == "True"
    assert odoo_conf["list_db"] == "False"
    assert "logfile" not in odoo_conf, "logs go to stdout for the collector"
    entrypoint = (PROD_DIR / "odoo-entrypoint.sh").read_text()
    assert 'echo "dbfilter = ^$db\\$"' in entrypoint


def test_nginx_routes_the_websocket_to_the_gevent_port(prod):
    nginx = prod["services"]["nginx"]
    assert nginx["image"].startswith("nginx:")
    template = (PROD_DIR / "nginx.conf.template").read_text()
    assert "server odoo:8072;" in template
    websocket = template[template.index("location /websocket") :]
    assert "proxy_pass http://odoo_websocket;" in websocket.split("}")[0]
    assert "proxy_set_header Upgrade $http_upgrade;" in template
    assert "ssl_certificate /etc/nginx/tls/fullchain.pem;" in template
    # Only nginx is published; Odoo and PostgreSQL stay on the compose network.
    published = [n for n, s in prod["services"].items() if s.get("ports")]
    assert published == ["nginx"]


def test_secrets_come_from_files_and_the_environment(prod):
    for name, secret in prod["secrets"].items():
        assert secret["file"].startswith("./secrets/"), name
    assert "secrets/" in (ROOT / ".gitignore").read_text().splitlines()
    db = prod["services"]["db"]["environment"]
    assert db["POSTGRES_PASSWORD_FILE"] == "/run/secrets/db_password"
    assert "POSTGRES_PASSWORD" not in db
    odoo_env = prod["services"]["odoo"]["environment"]
    assert not any("PASSWORD" in key for key in odoo_env)
    assert odoo_env["SMTP_SERVER"] == "${SMTP_SERVER:-}"


SECRET_ASSIGNMENT = re.compile(
    r"(?im)^\s*(admin_passwd|db_password|smtp_password)\s*=\s*(?!\$)\S+"
    r"|POSTGRES_PASSWORD:\s*(?!\$)\S+"
)


def test_no_secret_is_in_the_repository():
    """No tracked file assigns a password outside the demo and test setups."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    # The demo compose file and the test scripts use the well-known demo
    # credentials (odoo/odoo, admin/admin) on purpose; production files must not.
    production = [p for p in tracked if p.startswith("docker/prod/")] + [
        "docker-compose.prod.yml"
    ]
    for path in production:
        text = (ROOT / path).read_text()
        assert not SECRET_ASSIGNMENT.search(text), f"a secret in {path}"
    assert not any(p.startswith("secrets/") for p in tracked)


def test_backups_run_daily_and_keep_the_last_n(prod):
    backup = prod["services"]["backup"]
    assert backup["entrypoint"] == ["/opt/toimio/docker/prod/backup-loop.sh"]
    assert backup["environment"]["TOIMIO_BACKUP_KEEP"] == "${TOIMIO_BACKUP_KEEP:-14}"
    loop = (PROD_DIR / "backup-loop.sh").read_text()
    assert "/opt/toimio/scripts/backup" in loop
    assert "86400" in loop


def test_a_streaming_replica_serves_reads(prod):
    replica = prod["services"]["db-replica"]
    script = (PROD_DIR / "db-replica.sh").read_text()
    assert "pg_basebackup" in script and " -R " in script
    assert "pg_is_in_recovery" in " ".join(replica["healthcheck"]["test"])
    entrypoint = (PROD_DIR / "odoo-entrypoint.sh").read_text()
    assert "db_replica_host = $TOIMIO_DB_REPLICA_HOST" in entrypoint
    assert prod["services"]["odoo"]["environment"]["TOIMIO_DB_REPLICA_HOST"] == (
        "${TOIMIO_DB_REPLICA_HOST-db-replica}"
    )


def test_the_shell_scripts_are_valid_sh():
    for script in PROD_DIR.glob("*.sh"):
        subprocess.run(["sh", "-n", str(script)], check=True)
