"""Jupyter signs in only the portal's workspace gateway: a short-lived signature, never a token.

The portal's gateway (the browser's only way in) puts on every request it forwards

    X-Workspace-Identity: <user>;<expiry, epoch seconds>;<hex HMAC-SHA256 of "<user>;<expiry>">

keyed with the workspace's JUPYTER_TOKEN, which the portal renews at every start and which never
reaches a browser. This module makes Jupyter accept that header and nothing else:

- no `?token=`, no `Authorization: token`, no password form, no login cookie: a request without a
  valid, unexpired signature is refused (403), so a link or a cookie caught from a browser opens
  nothing, and the port Docker publishes for the gateway answers nobody else;
- a request so signed is not "token-authenticated" in Jupyter's sense, so Jupyter's XSRF check and
  its WebSocket origin check stay on (the gateway drops the browser's Origin after checking it
  against the workspace's own origin, and Jupyter lets a request without Origin through).

Notebook 6 (the offline image) takes `GatewayLoginHandler` as NotebookApp.login_handler_class;
jupyter_server 2 / JupyterLab (the production image) takes `GatewayIdentityProvider` as
ServerApp.identity_provider_class. The user's code in her kernels can read JUPYTER_TOKEN from the
environment: with it she can sign requests to her own Jupyter, which she already runs code in, and
to no other workspace's (each has its own key).
"""

import hashlib
import hmac
import os
import re
import time

HEADER = "X-Workspace-Identity"
# The gateway signs each request for 60 s; a little slack for the clocks of two machines.
MAX_LIFETIME_S = 300


def _key():
    return os.environ.get("JUPYTER_TOKEN", "").encode("utf-8")


def verified_user(value, key=None, now=None):
    """The user a header value names if its signature is valid and unexpired, else None."""
    key = _key() if key is None else key
    if not value or len(key) < 16:
        return None
    parts = value.split(";")
    if len(parts) != 3:
        return None
    user, expiry, signature = parts
    # ASCII digits and hex only: int() takes other digits, compare_digest refuses non-ASCII text
    if not user or not re.fullmatch(r"[0-9]{1,12}", expiry) or not re.fullmatch(r"[0-9a-f]{64}", signature):
        return None
    now = time.time() if now is None else now
    if not now <= int(expiry) <= now + MAX_LIFETIME_S:
        return None
    expected = hmac.new(key, (user + ";" + expiry).encode("utf-8"), hashlib.sha256).hexdigest()
    return user if hmac.compare_digest(expected, signature) else None


try:
    from notebook.auth.login import LoginHandler as _NotebookLoginHandler
except ImportError:  # the production image has jupyter_server, not Notebook 6
    _NotebookLoginHandler = None

if _NotebookLoginHandler is not None:

    class GatewayLoginHandler(_NotebookLoginHandler):
        """Notebook 6: the signed header is the only way in."""

        def get(self):
            self._refuse()

        def post(self):
            self._refuse()

        def _refuse(self):
            self.set_status(403)
            self.finish("Open this notebook from the Workspace Portal.")

        @classmethod
        def get_user(cls, handler):
            return verified_user(handler.request.headers.get(HEADER))

        @classmethod
        def get_user_token(cls, handler):
            return None

        @classmethod
        def is_token_authenticated(cls, handler):
            return False

        @classmethod
        def should_check_origin(cls, handler):
            return True

        @classmethod
        def get_login_available(cls, settings):
            return False

        @classmethod
        def validate_security(cls, app, ssl_options=None):
            pass


try:
    from jupyter_server.auth.identity import IdentityProvider as _IdentityProvider
    from jupyter_server.auth.identity import User as _User
except ImportError:  # the offline image has Notebook 6
    _IdentityProvider = None

if _IdentityProvider is not None:

    class GatewayIdentityProvider(_IdentityProvider):
        """jupyter_server 2: the signed header is the only way in."""

        @property
        def login_available(self):
            return False

        def get_user(self, handler):
            user = verified_user(handler.request.headers.get(HEADER))
            return _User(username=user) if user else None

        def is_token_authenticated(self, handler):
            return False

        def should_check_origin(self, handler):
            return True

        def validate_security(self, app, ssl_options=None):
            pass
