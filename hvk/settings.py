"""Settings of the Huis van het Kind portal.

Every knob comes from the environment; the settings table in ``README.md`` lists them with
their production values. The defaults suit a developer's machine: SQLite next to the code, mail on
the console, debug on. Production sets ``DEBUG=0`` and must then also set ``SECRET_KEY`` and
``ALLOWED_HOSTS``.
"""

import importlib.util
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet
from django.core.exceptions import ImproperlyConfigured

from hvk.csp import beleid as csp_beleid
from hvk.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DEBUG=0) refuses to start without one: "
            "set SECRET_KEY (or SECRET_KEY_FILE) to a long random value."
        )
    SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is empty. Production (DEBUG=0) needs the host names.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_htmx",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
    # The open-data API (opendata/): "ninja" serves Swagger UI from its own static files, not
    # from a CDN; "corsheaders" lets other sites read /api/.
    "ninja",
    "corsheaders",
    # Our apps, lowest layer first: `demo` loads their demo data in this order.
    "hvk",
    "gemeenten",
    "locaties",
    "aanbod",
    "communicatie",
    "rapportages",
    "uitdatabank",
    "accounts",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (hvk/csp.py) on every response Django makes, also on a page that
    # comes from the page cache (that stores the page without the header).
    "hvk.csp.Middleware",
    # CORS headers for /api/ only (CORS_URLS_REGEX); before anything that may answer itself.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors of the public pages get a stored copy (hvk/paginacache.py).
    "hvk.paginacache.PaginacacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A gemeente's own host name (Domein) serves its door at "/"; needs the host in ALLOWED_HOSTS.
    "communicatie.middleware.GemeenteDomeinMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Puts the logged-in person on every audit entry written during the request.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff: sessions end after HVK_STAF_SESSIE_MINUTEN without activity, and the admin opens
    # only once an authenticator app is set up (docs/accounts.md).
    "accounts.middleware.StafSessieMiddleware",
    "accounts.middleware.TweestapsVerplichtMiddleware",
]

if DEBUG and importlib.util.find_spec("pyinstrument"):
    # Development: add ?profile to any URL to see where its time goes (pyinstrument).
    MIDDLEWARE.append("pyinstrument.middleware.ProfilerMiddleware")

ROOT_URLCONF = "hvk.urls"
WSGI_APPLICATION = "hvk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "communicatie.context_processors.huisstijl",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Default: an SQLite file in the project folder, so a first run needs no server.
# Anything real: DATABASE_URL=postgres://user:password@host:5432/name (psycopg 3).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The portal's queries are short; PostgreSQL's JIT compiler spends more time compiling a
    # query over many rows (40 ms on the offer list at scale 20) than it saves.
    _opties = DATABASES["default"].setdefault("OPTIONS", {})
    _opties["options"] = f"{_opties.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
# Default: a cache per process (LocMemCache), enough for one developer. Production with several
# processes or hosts sets REDIS_URL (redis://host:6379/0): the cache is then shared, so the
# rate limits (allauth, django-ratelimit) count across all processes, and sessions read from
# Redis. Sessions use "cached_db": every session is also written to the database, so nobody is
# logged out when Redis restarts or is emptied; reads come from Redis.
REDIS_URL = env_str("REDIS_URL") or ""
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but a Redis that is down gives misses, not errors.
            "BACKEND": "hvk.cache.VeerkrachtigeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hvk",
            # A Redis that hangs costs a request at most a few seconds, never a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hvk",
        }
    }

# Seconds an anonymous public page is served from the cache (0: off). A change to the data
# makes every stored page stale at once; the limit is for what depends on the clock ("open
# now"). Only on by default with REDIS_URL: the cache must be shared by all processes.
HVK_PAGINACACHE_SECONDEN = env_int("HVK_PAGINACACHE_SECONDEN", 60 if REDIS_URL else 0)

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = [
    # Django's own, loading a person with whether they have an authenticator app.
    "accounts.backends.GebruikerBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.GeslotenAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Nobody signs up: a coordinator creates the account and sends an invitation, a one-time link
# to choose a password. Following that link proves the address, so there is no separate
# verification mail; setting the password marks the address verified (accounts.forms).
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_FORMS = {"reset_password_from_key": "accounts.forms.WachtwoordKiezenForm"}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Invitation and password-reset links are single-use and share Django's validity of
# PASSWORD_RESET_TIMEOUT (default three days); an expired invitation is simply sent again.
# allauth's rate limits stay at their defaults (ACCOUNT_RATE_LIMITS): a visitor IP gets at
# most 30 login attempts a minute (then 429), an e-mail address 5 failed ones in 5 minutes.
# They count in the cache: LocMemCache is per process, so production with several processes
# needs a shared cache (Redis).
# Two-step login for staff: an authenticator app (TOTP) with recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff sessions end after this many minutes without a request; residents' are unaffected.
HVK_STAF_SESSIE_MINUTEN = env_int("HVK_STAF_SESSIE_MINUTEN", 30)

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Django's two finders; the apps' one leaves out files of django-ninja nothing loads.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "hvk.statisch.AppVinder",
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Leaflet for the places map comes from its PyPI package (XStatic-Leaflet), never a CDN.
    ("leaflet", xstatic.pkg.leaflet.BASE_DIR),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Production serves static files with WhiteNoise from STATIC_ROOT, filled by
# `manage.py collectstatic`: names carry a hash of the content (cached for a year by browsers)
# and gzip/Brotli copies sit next to them. That needs collectstatic first, so it follows
# HVK_STATIC_MANIFEST, by default on when DEBUG=0. The test suite imports the settings with
# DEBUG on (pytest-django only switches DEBUG off afterwards) and finds files without it.
HVK_STATIC_MANIFEST = env_bool("HVK_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if HVK_STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploads larger than this are refused by the form fields that accept files.
HVK_MAX_AFBEELDING_BYTES = env_int("HVK_MAX_AFBEELDING_BYTES", 2 * 1024 * 1024)
HVK_MAX_PDF_BYTES = env_int("HVK_MAX_PDF_BYTES", 10 * 1024 * 1024)
# Uploaded pictures are written anew, at most this many pixels on their longest side
# (hvk/afbeeldingen.py).
HVK_MAX_AFBEELDING_PIXELS = env_int("HVK_MAX_AFBEELDING_PIXELS", 1600)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Committed hours: a gemeente whose delivered hours so far this year lag the pro-rated
# commitment by more than this percentage gets a signal.
HVK_INZET_MAX_ACHTERSTAND_PROCENT = env_int("HVK_INZET_MAX_ACHTERSTAND_PROCENT", 20)
# Recurring moments and mobile-house visits are expanded into dated rows this many days ahead
# (`manage.py herhalingen_uitrollen`, run daily, moves the horizon along).
HVK_HORIZON_DAGEN = env_int("HVK_HORIZON_DAGEN", 365)
# Residents' questions are personal data: deleted this many days after they were asked
# (`manage.py vragen_opruimen`, run daily).
HVK_VRAGEN_BEWAARTERMIJN_DAGEN = env_int("HVK_VRAGEN_BEWAARTERMIJN_DAGEN", 365)
# Newsletter (docs/nieuwsbrief.md): a subscription not confirmed within this many days is
# deleted (`manage.py nieuwsbrief_opruimen`, run daily); the confirmation link works as long.
HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN = env_int("HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN", 7)
# How many newsletter mails one background task sends before it queues the next batch.
HVK_NIEUWSBRIEF_BATCH = env_int("HVK_NIEUWSBRIEF_BATCH", 50)
# Registrations (docs/inschrijvingen.md). Their personal data (name, e-mail, phone, remark,
# the children's ages) is erased this many months after the moment
# (`manage.py inschrijvingen_opruimen`, run daily); the counts stay.
HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN = env_int("HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN", 3)
# A reminder mail goes this many days before the moment (`manage.py herinneringen_versturen`,
# run daily); 0 switches reminders off.
HVK_HERINNERING_DAGEN = env_int("HVK_HERINNERING_DAGEN", 2)
# The signed link in a confirmation mail (view, cancel, withdraw) works this many days. It
# must outlast the horizon plus the retention period, so a family can always withdraw.
HVK_INSCHRIJVING_LINK_DAGEN = env_int(
    "HVK_INSCHRIJVING_LINK_DAGEN", HVK_HORIZON_DAGEN + 31 * HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN
)
# Accepted registrations per hour from one IP address on the public form.
HVK_INSCHRIJVING_PER_UUR = env_int("HVK_INSCHRIJVING_PER_UUR", 20)
# `make bench` only (docs/bench.md): serves /bench/kaal/, a bare view that is the ceiling.
HVK_BENCH = env_bool("HVK_BENCH", False)
# UiTdatabank import (docs/uitdatabank.md): a file larger than this is refused before it is
# read, in the admin and by `manage.py uit_import` alike. The web server's own upload limit
# (nginx client_max_body_size) must be at least as large.
HVK_UIT_IMPORT_MAX_BYTES = env_int("HVK_UIT_IMPORT_MAX_BYTES", 10 * 1024 * 1024)

# --- Open-data API (docs/opendata.md) -------------------------------------------------------
# Requests per minute that one client (IP address, see RATELIMIT_IP_META_KEY) may make to
# /api/; 0 switches the limit off. It counts in the cache: production with several processes
# needs the shared one (REDIS_URL).
HVK_API_PER_MINUUT = env_int("HVK_API_PER_MINUUT", 120)
# Seconds that browsers and proxies may keep an API answer (Cache-Control: public, max-age).
HVK_API_CACHE_SECONDEN = env_int("HVK_API_CACHE_SECONDEN", 60)
# Any site may read the API, anonymously and read-only; the rest of the site sends no CORS
# headers.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# ETag is not a header a browser shows a script from another site unless it is listed.
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Background tasks -----------------------------------------------------------------------
# Mails to residents go through the Django tasks API (the django-tasks backport). The database
# backend queues them; `manage.py db_worker` sends them (README, deploy). Tests run them
# immediately. HVK_TAKEN_BACKEND=django_tasks.backends.immediate.ImmediateBackend sends them
# inside the request instead, without a worker.
TASKS = {
    "default": {
        "BACKEND": env_str("HVK_TAKEN_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Audit trail ----------------------------------------------------------------------------
# django-auditlog writes an entry for every save and delete of a row, in the admin and in
# services alike: who (the logged-in person, none outside a request), when, which object and
# which fields from what to what. What is and is not logged: docs/audit.md.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    # Django's bookkeeping, not anybody's change: sessions are written on every login,
    # content types and permissions by `migrate`. (The admin's own history and auditlog's own
    # entries are always left out by the library.)
    "sessions",
    "contenttypes",
    "auth.Permission",
    # allauth's one-time confirmation keys are secrets and say nothing about who changed what;
    # the e-mail addresses themselves (account.EmailAddress) are logged.
    "account.EmailConfirmation",
    # If installed: allauth's user sessions hold IP addresses and change on every request;
    # background task results are the queue, and their arguments may hold residents' addresses.
    "usersessions",
    "django_tasks_db",
    # Anonymous counts kept by the registration services, not anybody's change.
    "aanbod.Bereikcijfer",
)
# A login is not a change; logging every one would bury the changes.
AUDITLOG_EXCLUDE_TRACKING_FIELDS = ("last_login",)
# Values keep their type (number, yes/no, empty) instead of becoming text; so a coordinate
# saved again as 51.3196 equals the stored 51.319600 and no change is logged where none was made.
AUDITLOG_STORE_JSON_CHANGES = True
# Secrets are masked before they are stored: a password hash keeps only its first six
# characters (the algorithm's name), so a new password is logged (who, when), never its value.
AUDITLOG_MASK_TRACKING_FIELDS = ("password",)
AUDITLOG_MASK_CALLABLE = "django.contrib.auth.hashers.mask_hash"
# Models whose rows hold residents' personal data, with the only fields that are logged.
# Listing the fields that may be logged (not those that may not) fails closed for fields added
# later. An entry's label is the row's name, which names the resident, so `audit_opruimen`
# deletes the entries of a row once the row itself is gone: the log keeps no personal data
# beyond the row's own retention period.
HVK_AUDIT_PERSOONSGEGEVENS = {
    # A resident's question: what staff did with it, never who asked what (naam, email,
    # telefoon, vraag).
    "communicatie.Vraag": ["gemeente", "status", "aangemaakt", "doorgestuurd_naar"],
    # A registration: its seats and state, never who (naam, email, telefoon, opmerking,
    # leeftijden).
    "aanbod.Inschrijving": [
        "moment",
        "status",
        "volwassenen",
        "kinderen",
        "woonplaats",
        "kanaal",
        "aanwezig",
        "geannuleerd_op",
        "gewist_op",
    ],
    # A newsletter subscription: when, never the address or the interests.
    "communicatie.Abonnee": ["aangemaakt", "bevestigd_op"],
    # A delivery of a newsletter: its state, never to whom (abonnee).
    "communicatie.Verzending": ["editie", "status", "verstuurd_op"],
}
AUDITLOG_INCLUDE_TRACKING_MODELS = [
    {"model": model, "include_fields": velden}
    for model, velden in HVK_AUDIT_PERSOONSGEGEVENS.items()
]
if "allauth.mfa" in INSTALLED_APPS:
    # An authenticator's data holds its TOTP secret or recovery-code seed; its last use
    # changes on every login.
    AUDITLOG_INCLUDE_TRACKING_MODELS.append(
        {"model": "mfa.Authenticator", "mask_fields": ["data"], "exclude_fields": ["last_used_at"]}
    )
# No IP addresses in the log (privacy): the actors are known staff members anyway.
AUDITLOG_DISABLE_REMOTE_ADDR = True
# Entries older than this are deleted by `manage.py audit_opruimen`, run daily.
HVK_AUDIT_BEWAARTERMIJN_DAGEN = env_int("HVK_AUDIT_BEWAARTERMIJN_DAGEN", 730)

# --- Mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Huis van het Kind <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Beheer", a) for a in env_list("ADMINS")]
# Residents' questions for a gemeente without a contact e-mail go here (docs/vragen.md).
HVK_COORDINATOR_EMAIL = env_str("HVK_COORDINATOR_EMAIL", DEFAULT_FROM_EMAIL)
# Working days within which a resident can expect an answer (form, thank-you page, mail).
HVK_VRAGEN_ANTWOORD_WERKDAGEN = env_int("HVK_VRAGEN_ANTWOORD_WERKDAGEN", 5)

# --- Security -------------------------------------------------------------------------------
# Safe in production by default; each can be switched off for a set-up behind a proxy that
# already does it.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer or monitor may ask /healthz over plain http on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# No script of the portal reads the CSRF cookie (forms carry the token), so no script may.
CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits count per visitor IP. Behind a reverse proxy every request comes from the proxy,
# so name the header the proxy *overwrites* with the client's address (e.g. HTTP_X_REAL_IP);
# without it all residents would share one limit.
RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY") or None
# allauth's login limits read the same header (allauth wants its name, X-Real-IP).
if RATELIMIT_IP_META_KEY and RATELIMIT_IP_META_KEY.startswith("HTTP_"):
    ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
        RATELIMIT_IP_META_KEY.removeprefix("HTTP_").replace("_", "-").title()
    )

# --- The Huis -------------------------------------------------------------------------------
# The name used until a coordinator fills in the Huisstijl in the admin.
HVK_NAAM = env_str("HVK_NAAM", "Huis van het Kind")
# The name an authenticator app shows next to a staff member's codes.
MFA_TOTP_ISSUER = HVK_NAAM
# The main host name, e.g. www.huisvanhetkind-kempenland.be: canonical links, the sitemap and
# robots.txt point there, also on a gemeente's own host name. Empty: the request's own host.
HVK_HOOFDDOMEIN = (env_str("HVK_HOOFDDOMEIN") or "").strip().lower()
if "/" in HVK_HOOFDDOMEIN:
    raise ImproperlyConfigured(
        f"HVK_HOOFDDOMEIN={HVK_HOOFDDOMEIN!r} must be a host name only, without https:// or /, "
        "e.g. www.huisvanhetkind-kempenland.be."
    )
# Where links in mails point (mails are sent outside a request): https://<HVK_HOOFDDOMEIN>,
# or the development server without it.
HVK_SITE_URL = f"https://{HVK_HOOFDDOMEIN}" if HVK_HOOFDDOMEIN else "http://127.0.0.1:8000"
# Map tiles for the places map. They come from a third party, so the map loads only when a
# resident asks for it; a self-hosted tile server can be set here instead.
HVK_KAARTTEGELS_URL = env_str(
    "HVK_KAARTTEGELS_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
HVK_KAARTTEGELS_ATTRIBUTIE = env_str(
    "HVK_KAARTTEGELS_ATTRIBUTIE",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
)

# Where to report a security problem, for /.well-known/security.txt (RFC 9116, SECURITY.md):
# "mailto:security@example.org" or an https address. Empty: the file is not there (404).
HVK_SECURITY_CONTACT = env_str("HVK_SECURITY_CONTACT") or ""
if HVK_SECURITY_CONTACT and not HVK_SECURITY_CONTACT.startswith(("mailto:", "https://")):
    raise ImproperlyConfigured(
        f"HVK_SECURITY_CONTACT={HVK_SECURITY_CONTACT!r} must start with mailto: or https://."
    )

# Content-Security-Policy (django-csp, hvk/csp.py): only the portal's own scripts and styles.
CONTENT_SECURITY_POLICY = csp_beleid(kaarttegels_url=HVK_KAARTTEGELS_URL)

# --- Backups (docs/backups.md) -------------------------------------------------------------
# `manage.py backup` writes the database and the uploaded files (MEDIA_ROOT) with django-dbbackup
# to this folder, gzip-compressed; `manage.py restore` puts them back. The files hold personal
# data: the folder lies outside MEDIA_ROOT and STATIC_ROOT (nothing serves it) and only its
# owner may read it.
HVK_BACKUP_MAP = Path(env_str("HVK_BACKUP_MAP") or BASE_DIR / "backups")
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": str(HVK_BACKUP_MAP),
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
# hvk-default-2025-06-01-031500.sqlite3.gz (PostgreSQL: .psql.bin.gz) and
# hvk-media-2025-06-01-031500.tar.gz; dbbackup finds the newest by the date in the name.
DBBACKUP_DATE_FORMAT = "%Y-%m-%d-%H%M%S"
DBBACKUP_FILENAME_TEMPLATE = "hvk-{databasename}-{datetime}.{extension}"
DBBACKUP_MEDIA_FILENAME_TEMPLATE = "hvk-media-{datetime}.{extension}"
# SQLite: a copy made with SQLite's online backup API (dbbackup's default), and restored through
# the same API instead of by overwriting the open file: in one step, so a failed restore leaves
# the database as it was. PostgreSQL: dbbackup's default, pg_dump --format=custom and
# pg_restore --clean --if-exists --single-transaction.
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.sqlite3": "hvk.backups.SqliteOnlineBackupConnector",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
