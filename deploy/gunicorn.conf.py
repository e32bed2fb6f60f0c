"""Gunicorn configuration of the Huis van het Kind portal (deploy/README.md).

Start from the project folder:  .venv/bin/gunicorn -c deploy/gunicorn.conf.py hvk.wsgi
Every value can be changed from the environment (the systemd unit's EnvironmentFile).
"""

import os
from pathlib import Path


def _getal(naam: str, standaard: int) -> int:
    """An integer from the environment; empty or unset gives the default."""
    return int(os.environ.get(naam) or standaard)


# The project folder, whatever the working directory gunicorn was started from.
chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "hvk.wsgi:application"

# Only nginx on the same host talks to gunicorn. Another host's proxy: GUNICORN_BIND=0.0.0.0:8000
# behind a firewall, and FORWARDED_ALLOW_IPS (read by gunicorn itself) set to its address.
bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"

# Processes x threads: each thread can hold one database connection (CONN_MAX_AGE keeps it
# open), so GUNICORN_WORKERS x GUNICORN_THREADS x hosts must stay under PostgreSQL's
# max_connections (100 by default) minus the worker and the daily jobs.
workers = _getal("GUNICORN_WORKERS", min(2 * (os.cpu_count() or 1) + 1, 8))
worker_class = "gthread"
threads = _getal("GUNICORN_THREADS", 2)

# A request that takes longer than this (the pdf flyer, a spreadsheet export) is killed.
timeout = _getal("GUNICORN_TIMEOUT", 60)
# On a restart or SIGTERM, requests in flight get this long to finish.
graceful_timeout = _getal("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Workers are replaced now and then (memory), not all at the same moment.
max_requests = _getal("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _getal("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Logs to stdout/stderr: journald (systemd) keeps them.
accesslog = "-"
# The access log writes *** for the key in a personal link (hvk/gunicorn_log.py).
logger_class = "hvk.gunicorn_log.MaskerendeLogger"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
# No client addresses in the log (privacy, like the audit log). Paths can hold the secret of a
# personal link, so keep journald's retention short (deploy/README.md).
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# The heartbeat files of the workers in memory instead of on a possibly slow disk. Gunicorn
# creates them with mkstemp and unlinks them at once, so a shared directory is safe here.
_GEHEUGEN = "/dev/shm"  # noqa: S108
if Path(_GEHEUGEN).is_dir():
    worker_tmp_dir = _GEHEUGEN
