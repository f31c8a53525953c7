"""Role gates for views. Default-deny: a view states which role may use it.

* anonymous users are sent to login;
* signed-in users who have not finished onboarding are sent to onboarding;
* signed-in users without the role get 403 with an explanation.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

NOT_VERIFIED_OFFICIAL = _(
    "Only municipal officials whose verification is complete can do this. "
    "A moderator reviews new officials; you will be notified when it is done."
)
NOT_MODERATOR = _("Only JCC moderators can do this.")
NOT_STARTUP_MEMBER = _("Only members of a startup can do this.")


def _gate(check, message, *, needs_onboarding=True):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if needs_onboarding and not user.is_onboarded and not user.is_moderator:
                return redirect(settings.ONBOARDING_URL)
            if not check(user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def login_required(view):
    return _gate(lambda user: True, "", needs_onboarding=False)(view)


onboarding_required = _gate(lambda user: True, "")
verified_official_required = _gate(lambda user: user.is_verified_official, NOT_VERIFIED_OFFICIAL)
startup_member_required = _gate(lambda user: user.is_startup_member, NOT_STARTUP_MEMBER)
moderator_required = _gate(lambda user: user.is_moderator, NOT_MODERATOR, needs_onboarding=False)
