"""Pages of the co-creation channels. Reading works without JavaScript; the socket adds realtime."""

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.permissions import moderator_required, onboarding_required
from portal.cocreation import events, selectors, services
from portal.cocreation.errors import DETAILS, MESSAGE_TOO_LONG, NOT_AUTHOR, ChannelError
from portal.cocreation.forms import (
    CommunityChannelForm,
    MemberAddForm,
    MessageEditForm,
    MessageForm,
    SearchForm,
)
from portal.core.uploads import attachment_response

MEMBER_ACTIONS = {
    "remove": services.membership_remove,
    "suspend": services.membership_suspend,
    "reinstate": services.membership_reinstate,
}


def _int_param(request, name) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 12 else None


@onboarding_required
@require_GET
def channel_list(request):
    context = {
        "memberships": selectors.memberships_of(user=request.user),
        "discoverable": selectors.discoverable_channels(user=request.user),
    }
    return render(request, "cocreation/channel_list.html", context)


@moderator_required
@require_http_methods(["GET", "POST"])
def channel_create(request):
    form = CommunityChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            channel = services.channel_create_community(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The channel was created."))
            return redirect(channel)
    return render(request, "cocreation/channel_form.html", {"form": form})


def _detail_context(request, access, *, form=None):
    channel = access.channel
    before, around = _int_param(request, "before"), _int_param(request, "around")
    history, first_unread = selectors.history_window(
        channel=channel,
        membership=access.membership,
        before=before,
        around=around,
        viewer=request.user,
    )
    reply_to = _int_param(request, "reply_to")
    member_names = selectors.active_member_names(channel_id=channel.pk)
    is_latest = not history or history[-1].seq >= channel.last_seq
    live = is_latest and access.is_member
    return {
        "access": access,
        "channel": channel,
        "history": history,
        "first_unread": first_unread,
        "has_older": bool(history) and history[0].seq > 1,
        "is_latest": is_latest,
        "chat_config": _chat_config(request, access, history) if live else None,
        "form": form or MessageForm(initial={"reply_to": reply_to}),
        "replying_to": selectors.message_in(
            channel_id=channel.pk, seq=reply_to, viewer=request.user
        ),
        "member_count": len(member_names),
        "mention_names": member_names,
        "search_form": SearchForm(),
    }


def _chat_config(request, access, history) -> dict:
    """What static/js/cocreation.js needs, passed with json_script (no inline script)."""
    channel = access.channel
    return {
        "channel": channel.pk,
        "user": request.user.pk,
        "userName": request.user.display_name,
        "unread": channel.last_seq - access.membership.last_read_seq,
        "socket": f"/ws/channels/{channel.pk}/?lang={request.LANGUAGE_CODE}",
        "lastSeq": history[-1].seq if history else 0,
        "canPost": access.can_post,
        "canManage": access.can_manage,
        "editUrl": reverse("cocreation:message_edit", args=[channel.pk, 0]),
        "deleteUrl": reverse("cocreation:message_delete", args=[channel.pk, 0]),
        "reportUrl": reverse("moderation:report", args=["message", 0]),
        "members": selectors.member_names(channel_id=channel.pk),
        "loginUrl": f"{reverse('account_login')}?next={request.path}",
        "text": chat_strings(),
    }


def chat_strings() -> dict:
    return {
        "connecting": _("Connecting…"),
        "online": _("Connected. New messages appear as they are sent."),
        "offline": _("Offline. Messages you write are kept and sent when the connection is back."),
        "reconnecting": _("Connection lost. Reconnecting in %(seconds)s s…"),
        "closed": _("You no longer have access to this channel. Reload the page."),
        "signedOut": _(
            "You were signed out, so this page no longer receives messages. Reload the page to sign in again."
        ),
        "signIn": _("Sign in again"),
        "originRefused": _(
            "The server refused the connection from this address. Open the portal at its usual "
            "address and reload the page."
        ),
        "sending": _("Sending…"),
        "pending": _("%(count)s message(s) waiting to be sent"),
        "typing": _("%(names)s is typing…"),
        "deleted": _("This message was deleted."),
        "hidden": _("A moderator hid this message."),
        "edited": _("(edited)"),
        "reply": _("Reply"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "report": pgettext("moderation", "Report"),
        "save": _("Save"),
        "cancel": _("Cancel"),
        "confirmDelete": _(
            "Delete this message? Everyone in the channel will see that it was deleted."
        ),
        "replyingTo": _("Replying to %(name)s"),
        "newMessage": _("New message from %(name)s: %(text)s"),
        "unread": _("Unread messages"),
        "nobody": _("Nobody else is here right now."),
        "older": _("Older messages"),
        "loading": _("Loading…"),
        "deletedUser": _("(deleted user)"),
        "tooLong": str(DETAILS[MESSAGE_TOO_LONG]),
        "files": _("Attached files"),
    }


@onboarding_required
@require_GET
def channel_detail(request, pk):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    return render(request, "cocreation/channel_detail.html", _detail_context(request, access))


@onboarding_required
@require_GET
def channel_history(request, pk):
    """Older messages as an HTML fragment, for loading on scroll (`?before=<seq>`)."""
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    before = _int_param(request, "before")
    if before is None:
        raise Http404
    history = selectors.messages_before(
        channel_id=access.channel.pk, before_seq=before, viewer=request.user
    )
    context = {
        "access": access,
        "channel": access.channel,
        "history": history,
        "mention_names": selectors.active_member_names(channel_id=access.channel.pk),
    }
    return render(request, "cocreation/_history_fragment.html", context)


@onboarding_required
@require_POST
def message_create(request, pk):
    """The composer without JavaScript, and with files (the script sends text over the socket).

    Members see the message live over the socket like any other once it is committed.
    """
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            message, _created = services.message_post(
                channel_id=access.channel.pk,
                author=request.user,
                body=form.cleaned_data["body"],
                client_id=form.cleaned_data["client_id"],
                reply_to_seq=form.cleaned_data["reply_to"],
                uploads=form.cleaned_data["files"] or (),
            )
        except ChannelError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error("files", error)
        else:
            return redirect(f"{access.channel.get_absolute_url()}#m-{message.seq}")
    context = _detail_context(request, access, form=form)
    return render(request, "cocreation/channel_detail.html", context, status=400)


@onboarding_required
@require_POST
def channel_mark_read(request, pk):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    services.membership_mark_read(
        channel_id=access.channel.pk, user=request.user, seq=access.channel.last_seq
    )
    return redirect(access.channel)


@onboarding_required
@require_POST
def channel_join(request, pk):
    access = selectors.channel_get_for_user(user=request.user, pk=pk)
    services.channel_join(channel=access.channel, user=request.user)
    messages.success(request, _("You joined the channel."))
    return redirect(access.channel)


@onboarding_required
@require_http_methods(["GET", "POST"])
def channel_leave(request, pk):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    if request.method == "POST":
        services.channel_leave(channel=access.channel, user=request.user)
        messages.success(request, _("You left the channel."))
        return redirect("cocreation:channel_list")
    return render(request, "cocreation/confirm.html", _confirm_leave(access))


@onboarding_required
@require_http_methods(["GET", "POST"])
def channel_decline(request, pk):
    """The person asked into a direct conversation declines it (GET confirms, POST declines)."""
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    if request.method == "POST":
        services.channel_decline_direct(channel=access.channel, user=request.user)
        messages.success(request, _("You declined the conversation."))
        return redirect("cocreation:channel_list")
    return render(
        request,
        "cocreation/confirm.html",
        {
            "channel": access.channel,
            "title": _("Decline this conversation?"),
            "text": _(
                "You leave the conversation and the other official is told. They can still read "
                "what was written. You can reopen it later from their municipality's page."
            ),
            "button": _("Decline the conversation"),
        },
    )


def _confirm_leave(access):
    return {
        "channel": access.channel,
        "title": _("Leave this channel?"),
        "text": _("You will no longer receive its messages. You can join again later."),
        "button": _("Leave the channel"),
    }


@onboarding_required
@require_http_methods(["GET", "POST"])
def channel_members(request, pk):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    form = MemberAddForm(request.POST or None) if access.can_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid() and _add_member(request, access, form):
            return redirect("cocreation:channel_members", pk=pk)
    context = {
        "access": access,
        "channel": access.channel,
        "members": selectors.members_of(channel=access.channel),
        "form": form,
    }
    return render(request, "cocreation/channel_members.html", context)


def _add_member(request, access, form) -> bool:
    user = selectors.user_for_email(email=form.cleaned_data["email"])
    if user is None:
        form.add_error("email", _("No one uses the portal with this email address."))
        return False
    try:
        services.membership_add(channel=access.channel, user=user, actor=request.user)
    except ValidationError as error:
        form.add_error("email", error)
        return False
    messages.success(request, _("%(name)s was added.") % {"name": user.display_name})
    return True


@onboarding_required
@require_http_methods(["GET", "POST"])
def member_change(request, pk, user_id, action):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    change = MEMBER_ACTIONS.get(action)
    person = get_user_model().objects.filter(pk=user_id).first()
    if change is None or person is None:
        raise Http404
    if not access.can_manage:
        raise PermissionDenied(services.NOT_MANAGER)
    if request.method == "POST":
        change(channel=access.channel, user=person, actor=request.user)
        messages.success(request, _("The membership was updated."))
        return redirect("cocreation:channel_members", pk=pk)
    context = {
        "channel": access.channel,
        "title": _confirm_titles()[action] % {"name": person.display_name},
        "text": _("Their open pages of this channel are disconnected at once.")
        if action != "reinstate"
        else "",
        "button": _confirm_buttons()[action],
        "danger": action != "reinstate",
    }
    return render(request, "cocreation/confirm.html", context)


def _confirm_titles():
    return {
        "remove": _("Remove %(name)s from this channel?"),
        "suspend": _("Suspend %(name)s in this channel?"),
        "reinstate": _("Reinstate %(name)s?"),
    }


def _confirm_buttons():
    return {"remove": _("Remove"), "suspend": _("Suspend"), "reinstate": _("Reinstate")}


@onboarding_required
@require_GET
def message_attachment(request, pk, seq, attachment_id):
    """A file posted in the channel, downloaded (never shown inline) by a member only."""
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    attachment = selectors.attachment_get_for_member(
        access=access, user=request.user, seq=seq, pk=attachment_id
    )
    return attachment_response(attachment)


def _message_of(request, pk, seq) -> tuple:
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    message = selectors.message_in(channel_id=access.channel.pk, seq=seq, viewer=request.user)
    if message is None or message.is_deleted:
        raise Http404
    return access, message


@onboarding_required
@require_http_methods(["GET", "POST"])
def message_edit(request, pk, seq):
    access, message = _message_of(request, pk, seq)
    if message.author_id != request.user.pk:
        raise PermissionDenied(DETAILS[NOT_AUTHOR])
    form = MessageEditForm(request.POST or None, initial={"body": message.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.message_edit(
                channel_id=access.channel.pk,
                actor=request.user,
                seq=seq,
                body=form.cleaned_data["body"],
            )
        except ChannelError as error:
            form.add_error(None, str(error))
        else:
            return redirect(f"{access.channel.get_absolute_url()}?around={seq}#m-{seq}")
    context = {"channel": access.channel, "message": message, "form": form}
    return render(request, "cocreation/message_edit.html", context)


@onboarding_required
@require_http_methods(["GET", "POST"])
def message_delete(request, pk, seq):
    access, message = _message_of(request, pk, seq)
    if request.method == "POST":
        try:
            services.message_delete(channel_id=access.channel.pk, actor=request.user, seq=seq)
        except ChannelError as error:
            messages.error(request, str(error))
        return redirect(f"{access.channel.get_absolute_url()}?around={seq}#m-{seq}")
    context = {
        "channel": access.channel,
        "message": message,
        "title": _("Delete this message?"),
        "text": _("Everyone in the channel will see that a message was deleted."),
        "button": _("Delete"),
        "danger": True,
    }
    return render(request, "cocreation/confirm.html", context)


@onboarding_required
@require_GET
def channel_search(request, pk):
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    form = SearchForm(request.GET or None)
    page = None
    if form.is_valid():
        results = selectors.messages_search(
            channel_id=access.channel.pk, query=form.cleaned_data["q"], viewer=request.user
        )
        page = Paginator(results, selectors.SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"access": access, "channel": access.channel, "form": form, "page": page}
    return render(request, "cocreation/channel_search.html", context)


class _Echo:
    def write(self, value):
        return value


def _transcript_body(message) -> str:
    if message.is_deleted:
        return _("(This message was deleted.)")
    if message.is_masked:
        return _("(A moderator hid this message.)")
    return message.body


def _files_note(message) -> str:
    """The message's files for the records, e.g. 「見積書.pdf (120.5 KB); 写真.jpg (2.0 MB)」."""
    return "; ".join(
        f"{item['name']} ({filesizeformat(item['size'])})"
        for item in events.attachments_payload(message)
    )


def _transcript_rows(channel, viewer):
    tz = timezone.get_current_timezone()
    messages = selectors.message_for_transcript(channel_id=channel.pk, viewer=viewer)
    for message in messages.iterator(2000):
        yield (
            message.seq,
            timezone.localtime(message.created_at, tz).strftime("%Y-%m-%d %H:%M:%S"),
            message.author.display_name if message.author else _("(deleted user)"),
            _transcript_body(message),
            message.reply_to.seq if message.reply_to else "",
            timezone.localtime(message.edited_at, tz).strftime("%Y-%m-%d %H:%M:%S")
            if message.edited_at
            else "",
            _files_note(message),
        )


def _csv_lines(channel, viewer):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so that Excel opens the Japanese text as UTF-8
    yield writer.writerow(
        [
            _("No."),
            _("Sent at (JST)"),
            _("Author"),
            _("Message"),
            _("Reply to"),
            _("Edited at"),
            _("Files"),
        ]
    )
    for row in _transcript_rows(channel, viewer):
        yield writer.writerow(row)


def _text_lines(channel, viewer):
    yield f"{channel.name}\n"
    exported = _("Transcript exported at %(time)s (JST)") % {
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M")
    }
    yield f"{exported}\n\n"
    for seq, sent, author, body, reply, _edited, files in _transcript_rows(channel, viewer):
        reply_note = _(" (reply to #%(seq)s)") % {"seq": reply} if reply else ""
        yield f"#{seq} {sent} {author}{reply_note}\n"
        lines = str(body).splitlines() if body else []
        if files:
            lines.append(_("[Files] %(files)s") % {"files": files})
        yield "".join(f"    {line}\n" for line in lines or [""]) + "\n"


@onboarding_required
@require_GET
def channel_export(request, pk, fmt):
    """The whole transcript, for the member's records (members only; streamed)."""
    access = selectors.channel_get_readable(user=request.user, pk=pk)
    if not access.is_member or fmt not in ("csv", "txt"):
        raise Http404
    write = _csv_lines if fmt == "csv" else _text_lines
    lines = write(access.channel, request.user)
    content_type = "text/csv" if fmt == "csv" else "text/plain"
    response = StreamingHttpResponse(lines, content_type=f"{content_type}; charset=utf-8")
    filename = f"channel-{access.channel.pk}-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response
