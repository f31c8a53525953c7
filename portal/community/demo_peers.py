"""Demo figures for peer municipalities (類似団体): population and area of the demo municipalities
and of enough others that their peer lists make sense.

The figures in `data/demo_profiles.csv` are rounded approximations for demonstration, labelled
as such in their source column; they are not official statistics (see data/README.md).
"""

from pathlib import Path

from portal.accounts.models import User
from portal.cocreation.services import message_post
from portal.community.services.direct import direct_conversation_open
from portal.community.services.profiles import municipality_profiles_import

DEMO_PROFILES = Path(__file__).parent / "data" / "demo_profiles.csv"


def seed(stdout) -> None:
    count = municipality_profiles_import(
        text=DEMO_PROFILES.read_text(encoding="utf-8"), label="seed_demo"
    )
    stdout.write(f"Municipality figures: {count} demo rows")
    _conversation()


# 塩尻市 and 加賀市 are peers (same kind, ~66,000 and ~63,000 residents, both 中部, both asked
# about transport): a direct conversation between their officials, as the demo walk shows it.
CONVERSATION = [
    ("official2@example.jp", "shiojiri-demo-1", "加賀市さんのデマンド交通の取組を拝見しました。予約の電話対応はどうされていますか。"),
    ("official4@example.jp", "kaga-demo-1", "LINEとAI電話の併用です。導入時の仕様書をお送りできます。"),
]  # fmt: skip


def _conversation() -> None:
    asker = User.objects.filter(email=CONVERSATION[0][0]).first()
    answerer = User.objects.filter(email=CONVERSATION[1][0]).first()
    if not (asker and answerer and asker.is_verified_official and answerer.is_verified_official):
        return
    channel = direct_conversation_open(
        actor=asker, municipality=answerer.official_profile.municipality
    )
    people = {asker.email: asker, answerer.email: answerer}
    for email, client_id, body in CONVERSATION:
        message_post(channel_id=channel.pk, author=people[email], body=body, client_id=client_id)
