"""Settings for the 地域DX共創ポータル.

Every concern is configured by one environment variable with a zero-config default for a developer's
machine (SQLite, in-memory channel layer, console email). Production (DJANGO_DEBUG off) refuses to
start without a secret key and allowed hosts.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# --- Core ---------------------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", True)
TESTING = env_bool("PORTAL_TESTING", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

# Where `make run` serves (HOST/PORT, as in the Makefile); a wildcard bind address is reached on
# the loopback address. PORTAL_BASE_URL (absolute links in emails, the admin) defaults to it.
SERVE_HOST = os.environ.get("HOST", "") or "127.0.0.1"
SERVE_PORT = os.environ.get("PORT", "") or "8000"
_LINK_HOST = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(SERVE_HOST, SERVE_HOST)  # noqa: S104
if ":" in _LINK_HOST and not _LINK_HOST.startswith("["):
    _LINK_HOST = f"[{_LINK_HOST}]"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver", _LINK_HOST]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- Applications -------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Local apps first so their templates override third-party ones.
    "portal.core",
    "portal.accounts",
    "portal.community",
    "portal.search",
    "portal.startups",
    "portal.cocreation",
    "portal.notifications",
    "portal.dashboard",
    "portal.stages",
    "portal.cms",
    "portal.moderation",
    "portal.adoption",
    "portal.onboarding",
    "portal.demo",
    "portal.sitesearch",
    "portal.opendata",
    # Django
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    # Third party: realtime, tasks, accounts
    "channels",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Third party: Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # Built-in localisation: the locales admin and the "Translate" action (portal/cms/locales.py).
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # Wagtail 8 defines modelsearch's tables in "wagtail.search"; listing "modelsearch" as well
    # makes modelsearch refuse to start ("Multiple instances of the modelsearch app").
    "modelcluster",
    "taggit",
    # Third party: the open-data API (portal.opendata)
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.middleware.PortalCSPMiddleware",
    # Before CommonMiddleware, so that every /api/ answer (304, 404, 429 too) carries CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # A database outage in a view or template: 503 + Retry-After instead of a 500.
    "portal.core.outage.DatabaseOutageMiddleware",
    # NUL and other characters the database cannot store, in paths, query strings and cookies.
    "portal.core.middleware.UnstorableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.accounts.middleware.ModeratorMFAMiddleware",
    "portal.accounts.middleware.TermsConsentMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.context_processors.portal",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -----------------------------------------------------------------------------------
# SQLite by default; DATABASE_URL selects PostgreSQL. Under ASGI, Django opens a connection per
# request thread, so persistent connections (CONN_MAX_AGE) would leak one per thread: we keep them
# off and use psycopg's pool on PostgreSQL instead, which bounds and reuses connections safely.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
# WAL, a busy timeout and IMMEDIATE transactions let several threads and processes (Daphne's
# threads, a task worker, a second Daphne) write one SQLite file: writers queue for the lock
# instead of failing with "database is locked" when a read transaction tries to write.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = {
            **SQLITE_OPTIONS,
            **DATABASES["default"].get("OPTIONS", {}),
        }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "DATABASE_POOL", True
    ):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN", "2")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX", "10")),
            # Longest a request waits for a connection (a busy pool or an unreachable database)
            # before it answers 503 (portal/core/outage.py): bounded, so nothing hangs.
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "5")),
        }
        # Django then has the pool check a connection before handing it out, so connections that
        # died in a database outage are replaced instead of failing the first requests after it.
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
        # libpq's connect timeout (seconds): an unreachable host fails fast instead of hanging.
        DATABASES["default"]["OPTIONS"].setdefault(
            "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
            # A file, not Django's default shared in-memory database: WebSocket and live-server
            # tests write from several threads, and shared-cache memory databases fail with
            # "table is locked" instead of waiting like a file database in WAL mode does.
            "TEST": {"NAME": BASE_DIR / "test_db.sqlite3"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, channel layer -----------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache that falls back to a per-process cache while Redis is down,
            # so pages, sign-in and rate limits keep working (portal/core/cache.py says why).
            "BACKEND": "portal.core.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            # Seconds to leave an unreachable Redis alone before trying it again.
            "RETRY_SECONDS": float(os.environ.get("CACHE_RETRY_SECONDS", "5")),
            # Passed to redis-py's connection pool: a Redis that does not answer costs at most
            # this long once per RETRY_SECONDS, never a hung request.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Socket timeouts of the channel layer's Redis connections, chosen with the layer's own
    # timing. channels_redis's list layer ("redis") receives with BZPOPMIN, which blocks in
    # Redis for up to 5 s (RedisChannelLayer.brpop_timeout) before answering "nothing"; redis-py
    # 8 reads every reply with socket_timeout, 5 s by default, so an idle socket's receive raced
    # that timeout, lost it at 5.01 s and the socket closed with 1011 (issue #12). The read
    # timeout must therefore exceed the block by a margin for a busy event loop: 5 + 10 s. A
    # Redis that does not answer at all is still noticed within 15 s (and TCP keepalive, on by
    # default in redis-py, catches dead peers). The pub/sub layer polls its subscription with
    # get_message(timeout=0.1), a per-call timeout that does not race socket_timeout; its
    # publishes and (un)subscribes share these settings. Connecting gets 5 s. redis-py's
    # default retries (10, backoff capped at 1 s) stay on: they ride over a short restart, after
    # which portal/core/layer_watch.py re-adds groups and tells clients to resync.
    _layer_host = {
        "address": REDIS_URL,
        # redis-py 5+ caps an asyncio pool at 100 connections and raises (it does not wait)
        # when a burst needs more: measured at 400 sockets each sending 1 msg/s (README,
        # "Performance"), every group_send/group_add in flight holds one. Bounded but with room;
        # Redis itself accepts 10,000 clients by default.
        "max_connections": int(os.environ.get("CHANNEL_LAYER_MAX_CONNECTIONS", "1000")),
        "socket_timeout": 5 + 10,
        "socket_connect_timeout": 5,
    }
    CHANNEL_LAYERS = {
        # "redis" (default): channels_redis's list-based layer. "pubsub": its Redis pub/sub
        # layer, which hands a group event to each process once and fans it out to the
        # process's sockets in memory instead of popping it from Redis once per socket, one
        # socket at a time (README, "Performance"). It has no capacity or expiry: events are
        # delivered at most once and queue in the process's memory behind a slow socket
        # (clients resync by `seq`).
        "redis": {
            # channels_redis's RedisChannelLayer, with a receive that waits out an outage
            # instead of ending every consumer (portal/core/layers.py).
            "BACKEND": "portal.core.layers.OutageTolerantRedisChannelLayer",
            "CONFIG": {
                "hosts": [_layer_host],
                # A slow consumer may fall behind by this many events before new ones are
                # dropped for it; chat messages are recovered by `sync`, so bounded is safe.
                "capacity": 1500,
                # Undelivered events older than this are useless to a live client.
                "expiry": 30,
                # Group membership outlives a socket only this long if a process dies without
                # discarding it; connected consumers refresh it on every connect.
                "group_expiry": 86400,
                "prefix": os.environ.get("CHANNEL_LAYER_PREFIX", "portal"),
            },
        }
    }
    CHANNEL_LAYERS["pubsub"] = {
        # channels_redis's RedisPubSubChannelLayer, able to confirm that its subscriptions are
        # live again after a Redis restart (portal/core/layers.py).
        "BACKEND": "portal.core.layers.ConfirmingPubSubChannelLayer",
        "CONFIG": {
            "hosts": CHANNEL_LAYERS["redis"]["CONFIG"]["hosts"],
            "prefix": CHANNEL_LAYERS["redis"]["CONFIG"]["prefix"],
        },
    }
    _layer = os.environ.get("CHANNEL_LAYER_BACKEND", "redis")
    if _layer not in CHANNEL_LAYERS:
        raise ImproperlyConfigured(
            f"CHANNEL_LAYER_BACKEND must be one of {sorted(CHANNEL_LAYERS)}, not {_layer!r}."
        )
    CHANNEL_LAYERS = {"default": CHANNEL_LAYERS[_layer]}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Public pages rendered once for every signed-out reader (portal/core/page_cache.py): any write
# through the ORM makes them stale at once; this bounds what only time, or a write that sends no
# signal, changes. 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))

# --- Co-creation channels (portal/cocreation) ---------------------------------------------------
# Database threads per process for WebSocket consumers (= the most DB connections sockets use);
# 0 picks 1 on SQLite and 4 on PostgreSQL. See portal/cocreation/runtime.py.
COCREATION_DB_THREADS = int(os.environ.get("COCREATION_DB_THREADS", "0"))
# Per-user limits as {bucket: (count, seconds)}; see portal/cocreation/ratelimit.py for defaults.
COCREATION_RATE_LIMITS = {}
if os.environ.get("COCREATION_RATE_MESSAGES"):
    COCREATION_RATE_LIMITS["message"] = (int(os.environ["COCREATION_RATE_MESSAGES"]), 10)
if os.environ.get("COCREATION_RATE_FRAMES"):
    COCREATION_RATE_LIMITS["frame"] = (int(os.environ["COCREATION_RATE_FRAMES"]), 10)
# CPython's GIL switch interval for server processes (seconds; 0 keeps Python's 0.005). See
# portal/cocreation/apps.py.
COCREATION_SWITCH_INTERVAL = float(os.environ.get("COCREATION_SWITCH_INTERVAL", "0.001"))
# The benchmarks' baselines (bench/channels_bench.py's bare broadcast consumer, bench/
# pages_http_bench.py's trivial view); never enable in production.
COCREATION_BENCH_ROUTES = env_bool("PORTAL_BENCH_ROUTES", False)

# --- Background tasks ---------------------------------------------------------------------------
# Immediate in development and tests; the database backend with `manage.py db_worker` in
# production (see README, "Production topology").
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG or TESTING else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- Authentication -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "onboarding:after_login"
# Where the accounts gates send a signed-in user who has not finished onboarding (named here, so
# the ground app accounts need not know the onboarding app above it).
ONBOARDING_URL = "onboarding:index"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[地域DX共創ポータル] "
ACCOUNT_SIGNUP_FORM_CLASS = "portal.accounts.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so the policy is visible: 5 failed logins per account per 5 min.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "地域DX共創ポータル"

# --- Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True
# CMS pages are translatable with Wagtail's built-in localisation: Japanese is the original (the
# default locale), English its translation. See portal/cms/locales.py for how queries pick a copy.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every Japanese page gets an alias in the English tree (a live mirror of it), and a translation
# replaces the alias (the moderator's "Translate" converts it, same id and path). Chosen because:
# - /en/… then routes through the English tree and never 404s for a page nobody translated yet:
#   the alias shows the Japanese content under the English chrome, with /en/ links;
# - the English tree holds exactly one copy of every page, so a reader's listing is one locale
#   filter and lists each page once (the alternative, a Japanese fallback merged into partial
#   English trees, needs per-query de-duplication and breaks /en/ links on untranslated pages);
# - Wagtail keeps aliases in step: publishing, unpublishing, moving or deleting the Japanese page
#   does the same to its aliases (and, through simple_translation's cascade hook, unpublish,
#   move and delete reach the translations too).
# Aliases are made by Wagtail only for pages created in the admin; `manage.py sync_page_tree`
# and the publish hook in portal/cms/signals.py cover pages created in code (migrations, seeds,
# services).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True

# --- Static and media ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads that only some users may read (request and proposal attachments) live outside
# MEDIA_ROOT, so no static or media route can serve them; a permission-checked view does.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
PORTAL_UPLOAD_MAX_BYTES = 10 * 1024 * 1024

# --- Email --------------------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console://")
if EMAIL_URL.startswith("console:"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_URL.startswith("locmem:"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 587
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _email.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "地域DX共創ポータル <noreply@example.jp>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "地域DX共創ポータル"
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", f"http://{_LINK_HOST}:{SERVE_PORT}")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "csv", "txt", "odt", "ods", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = PORTAL_UPLOAD_MAX_BYTES
# Checks that an uploaded document's content matches its extension (a renamed HTML or script file
# is refused).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.cms.forms.CheckedDocumentForm"
# Documents are downloaded, never rendered inline by the browser (DESIGN.md: uploads are served
# as attachments); the serve view also sends a restrictive CSP for them.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's database search backend with CJK bigram analysis (portal/search), so that Japanese
# queries of two characters find every document on SQLite (FTS5) and PostgreSQL alike.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "portal.search.backends", "SEARCH_CONFIG": "simple"},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party avatars (the CSP blocks them anyway, leaving a broken image): Wagtail shows its default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
# Moderators cannot publish directly; an approved workflow publishes (see portal/cms/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.cms.workflows.publish_approved"
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL

# --- Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Wagtail's preview views opt into SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    # Wagtail's admin needs inline scripts and styles; the public site uses none, so the admin
    # gets a relaxed policy from portal.core.middleware and everything else this strict one.
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Open data (portal.opendata) ----------------------------------------------------------------
# The API reads as an anonymous visitor whatever the request carries; these settings only shape
# the generated OpenAPI document, CORS and the per-client rate limit.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Behind the reverse proxy the client's address is the last X-Forwarded-For hop it added.
    "NUM_PROXIES": int(os.environ["DJANGO_NUM_PROXIES"])
    if "DJANGO_NUM_PROXIES" in os.environ
    else None,
}
OPENDATA_RATE_LIMIT = os.environ.get("OPENDATA_RATE_LIMIT", "120/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "地域DX共創ポータル Open Data API",
    "DESCRIPTION": (
        "Read-only public data of 地域DX共創ポータル: local governments, support requests, "
        "advanced cases, subsidy programmes, events, startups and the community figures. "
        "Lists are paginated with opaque cursors (`next`/`previous`), answer conditional "
        "requests (ETag / Last-Modified) and are rate limited per client (429 with Retry-After). "
        "Licensed under CC BY 4.0: credit 「出典：地域DX共創ポータル（Japan CDO Community）」."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "PREPROCESSING_HOOKS": ["portal.opendata.schema.only_open_data"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.opendata.schema.add_shared_components",
    ],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    # A municipality's kind and a pattern's kinds share one choice set: one name in the schema.
    "ENUM_NAME_OVERRIDES": {"MunicipalityKindEnum": "portal.community.models.MunicipalityKind"},
    # Swagger UI from the drf-spectacular-sidecar package: served by the portal, no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Retry-After"]

# --- Logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"once_a_minute": {"()": "portal.core.log_filters.OncePerInterval", "seconds": 60}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Its receive loop logs a traceback every second while Redis is down: one a minute says
        # as much (portal/core/log_filters.py).
        "channels_redis.pubsub": {"filters": ["once_a_minute"]},
        "django.channels.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        # Per-task and per-publish lines are noise at INFO; failures still log as errors.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
