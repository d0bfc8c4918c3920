"""Settings for Project Sports, read from environment variables (the README's table).

The defaults run on a laptop with no services: SQLite in the project folder and a
local-memory cache. Production sets DATABASE_URL (PostgreSQL), REDIS_URL and a
SECRET_KEY; with DEBUG off and no SECRET_KEY, start-up stops and names the variable.
With DEBUG off the site assumes HTTPS (behind a proxy that sets X-Forwarded-Proto);
HTTPS=0 turns that off, for a plain-HTTP trial run on a laptop and for the tests.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import xstatic.pkg.jquery_ui
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is required when DEBUG is off. "
            "Set SECRET_KEY to a long random string, or set DEBUG=1 on a laptop."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"

# Where the admin lives: "admin/" by default; another path keeps it out of robots.txt
# and away from scripts that try /admin/ on every site.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
DEFAULT_ADMIN_URL = "admin/"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "axes",
    "reversion",
    "qa",
    # Editorial workflow: states, preview, history, translation status (after qa: its
    # admin replaces qa's question admin).
    "qa.editorial",
    # Content in and out: plain-text pages, JSON export and import, PO files (after
    # qa.editorial: its admin extends the editorial question admin).
    "qa.exchange",
]

# Order matters: /healthz answers before host checks and the HTTPS redirect; headers
# are added outside the page cache, so cached pages get them too; GZip compresses what
# the page cache did not compress already (it stores pages compressed), outside the
# ETags of ConditionalGet; the page cache sits before sessions, so anonymous readers
# are served without touching them.
MIDDLEWARE = [
    "qa.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "qa.middleware.PermissionsPolicyMiddleware",
    # Before anything that reads a body, and before the 405 for reader addresses.
    "qa.body_limit.BodyLimitMiddleware",
    "qa.middleware.ReadOnlyOutsideAdminMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "qa.page_cache.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "qa.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "qa.middleware.AdminFormLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "projectsports.urls"
WSGI_APPLICATION = "projectsports.wsgi.application"

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
                "django.template.context_processors.csp",
                "qa.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "qa.redis_cache.ReusingRedisCache",  # Django's RedisCache, one client per pool
            "LOCATION": REDIS_URL,
            # A Redis that has gone away must cost a reader milliseconds, not seconds:
            # pages are then rendered from the database (see qa.page_cache).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions (staff only: readers have none) live in the database; with Redis they are
# also read from the cache, which every app server shares. The local-memory cache is
# per process, where a logout on one worker would leave the session cached on another.
# qa.sessions is Django's cached_db that falls back to the database while Redis is away.
SESSION_ENGINE = "qa.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
# The admin's forms, for logged-in staff only (qa.middleware.AdminFormLimitsMiddleware):
# a question with 200 answers in four languages. Everyone else has Django's defaults.
ADMIN_FORM_MAX_FIELDS = int(os.environ.get("ADMIN_FORM_MAX_FIELDS", "20000"))
ADMIN_FORM_MAX_BYTES = int(os.environ.get("ADMIN_FORM_MAX_BYTES", str(32 * 1024 * 1024)))
# The largest request body taken from anyone but logged-in staff (the login form, the
# reader addresses), in bytes: a larger one is a 413 before it is read (qa.body_limit).
ANONYMOUS_BODY_MAX_BYTES = int(os.environ.get("ANONYMOUS_BODY_MAX_BYTES", str(1024 * 1024)))
# The largest file the admin takes back (a translation file, a page of text to import),
# in bytes: refused, named with this limit, before it is parsed. The PO file of one
# language for 1,500 questions is 17.7 MB (generate_content) to 22.6 MB (demo-sized).
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(24 * 1024 * 1024)))
# How often (seconds) one request of all app servers checks the content version's copy
# in Redis against the database row, so that a restored backup is seen within that time.
CONTENT_VERSION_CHECK_SECONDS = float(os.environ.get("CONTENT_VERSION_CHECK_SECONDS", "1"))
# Seconds a rendered page stays in the cache; any content change replaces it at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Days a preview link for reviewers without an account stays valid (qa.editorial.preview).
PREVIEW_LINK_DAYS = int(os.environ.get("PREVIEW_LINK_DAYS", "7"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages, in the order of the tabs at the top of every page.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "qa" / "locale"]
FORMAT_MODULE_PATH = ["projectsports.formats"]  # where Django writes a date otherwise than the language
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# modeltranslation: no fallback to another language on attribute access, so a
# missing translation shows as missing instead of silently in the wrong language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
# The tabbed admin would load jQuery UI from a public CDN; serve the copy that the
# XStatic-jQuery-UI package ships instead (collected from XSTATIC_JQUERY_UI_DIR).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Reading speeds in words per minute, used for each language's read time.
# Defaults from the IReST study (Trauzettel-Klosinski & Dietz 2012); an operator
# may override one or more with READING_SPEED_<LANG>, e.g. READING_SPEED_TR=170.
READING_SPEEDS = {
    code: int(os.environ.get(f"READING_SPEED_{code.upper()}", default))
    for code, default in {"en": 228, "nl": 202, "de": 179, "tr": 166}.items()
}

SITE_NAME = "Project Sports"
SITE_TAGLINE = _("Questions and answers about sports")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/jquery-ui", xstatic.pkg.jquery_ui.BASE_DIR),
]

LOGIN_URL = "admin:login"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user
# name from one address, that pair is locked out for AXES_COOLOFF_TIME; attempts are
# kept in the database, so every app server sees them. README, "Login throttling",
# says how to lift a lockout. The client's address is REMOTE_ADDR, or with PROXY_COUNT
# proxies in front, the address the outermost of them saw (qa.login_throttle).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "qa.login_throttle.client_ip"
AXES_VERBOSE = False
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names served by WhiteNoise with far-future cache headers;
    # needs `collectstatic` (make serve runs it). DEBUG serves files as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 365 * 24 * 3600  # only unhashed files get WhiteNoise's short default

# HTTPS and security headers. HTTPS is on whenever DEBUG is off, unless HTTPS=0.
HTTPS = env_bool("HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600))) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preload only tells browsers' preload lists that the site agrees; it is listed only
# once an operator submits it. HSTS_PRELOAD=0 leaves it out (check --deploy then warns).
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere: reader pages have no script at all (JSON-LD is
# data, not run); the admin's own scripts carry the per-response nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# A request with a Host header not in ALLOWED_HOSTS (scanners send thousands) is one
# line in the log, without its traceback (qa.middleware.OneLineFormatter).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "qa.middleware.OneLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING").upper()},
    "loggers": {"django.security.DisallowedHost": {"handlers": ["one_line"], "propagate": False}},
}

TAGGIT_CASE_INSENSITIVE = False
