"""Demo terms of use, privacy policy, contact and operator pages (development only).

The wording is a realistic starting point for JCC's moderators, marked as a sample: the operator
must have it reviewed before the portal goes live.
"""

import datetime

from portal.cms.demo.streams import bullet_list as _list
from portal.cms.demo.streams import heading as _h2
from portal.cms.demo.streams import notice
from portal.cms.demo.streams import paragraphs as _p
from portal.cms.models import ContactPage, OperatorPage, PrivacyPolicyPage, TermsPage

DEMO_TERMS_VERSION = "2026-04-01"
SAMPLE_NOTICE = (
    "この文面はデモ用のサンプルです。運営主体が実際に公開する前に、内容を確認・修正してください。"
)


def _notice() -> dict:
    return notice(SAMPLE_NOTICE)


TERMS = {
    "title": "利用規約",
    "intro": "地域DX共創ポータル（以下「本ポータル」）の利用条件を定めます。"
    "登録した方は、この規約に同意したものとみなします。",
    "version": DEMO_TERMS_VERSION,
    "body": [
        _notice(),
        _h2("第1条（目的）"),
        *_p(
            "本ポータルは、地方公共団体のCDO・CIO等の職員とスタートアップ等の事業者が、地域の課題と"
            "解決策を共有し、共創するための場です。"
        ),
        _h2("第2条（利用登録と確認）"),
        *_p(
            "利用者は、正確な氏名・所属・連絡先を登録します。自治体職員としての確認（認証）は、"
            "運営者のモデレーターが所属を確認したうえで行います。lg.jp ドメインのメールアドレスは"
            "確認の参考にしますが、それだけで認証はしません。"
        ),
        _h2("第3条（禁止事項）"),
        _list(
            "虚偽の所属・役職での登録、なりすまし",
            "他の利用者の提案内容・非公開情報の無断転載",
            "営業目的のみの一方的な連絡の繰り返し",
            "法令または公序良俗に反する行為",
        ),
        _h2("第4条（投稿内容の取扱い）"),
        *_p(
            "支援要請・提案・メッセージの著作権は投稿者に帰属します。公開範囲は投稿時の設定に従い、"
            "提案本文は要請元自治体の職員、提案した事業者のメンバーおよびモデレーターのみが閲覧できます。"
        ),
        _h2("第5条（規約の変更）"),
        *_p(
            "規約を変更したときは版を改め、次回のログイン時に改めて同意をお願いします。"
            "同意いただけない場合は、アカウントの削除を運営者にお申し出ください。"
        ),
    ],
}

PRIVACY = {
    "title": "プライバシーポリシー（個人情報の取扱い）",
    "intro": "本ポータルが取得する個人情報、その利用目的、保存期間と、誰が閲覧できるかを説明します。",
    "body": [
        _notice(),
        _h2("1. 取得する情報"),
        _list(
            "アカウント情報：メールアドレス、表示名、希望言語、パスワード（ハッシュ化して保存）",
            "所属情報：自治体名・部署・役職、または事業者名・法人番号",
            "投稿内容：支援要請、提案、共創チャンネルのメッセージと添付ファイル",
            "利用記録：ログイン日時、通知の既読状態、規約への同意の記録（版と日時）",
        ),
        _h2("2. 利用目的"),
        _list(
            "利用者の本人確認と、自治体職員・事業者としての認証",
            "支援要請と提案のマッチング、共創チャンネルの運営",
            "通知メール（設定で停止できます）と、事例・統計の作成（個人を特定しない形）",
            "不正利用の防止と問い合わせへの対応",
        ),
        _h2("3. 誰が閲覧できるか"),
        _list(
            "公開情報（公開の支援要請、事業者プロフィール、公開された事例）：どなたでも",
            "提案本文：要請元自治体の認証済み職員、提案した事業者のメンバー、モデレーター",
            "共創チャンネル：そのチャンネルのメンバーとモデレーター",
            "所属確認の資料とログイン記録：モデレーターのみ",
        ),
        _h2("4. 保存期間"),
        *_p(
            "アカウント情報は退会まで、投稿内容は公開・共有の目的が続く間保存します。退会後は"
            "30日以内にアカウント情報を削除し、他の利用者との共有記録は投稿者名を伏せて保存します。"
            "アクセスログは1年で削除します。"
        ),
        _h2("5. 第三者提供・開示請求"),
        *_p(
            "法令に基づく場合を除き、本人の同意なく第三者に提供しません。保有する個人情報の開示・訂正・"
            "削除のご請求は、お問い合わせページの窓口で受け付けます。"
        ),
    ],
}

CONTACT = {
    "title": "お問い合わせ",
    "intro": "本ポータルの利用方法、アカウントの認証、個人情報の取扱いに関するお問い合わせ窓口です。",
    "contact_email": "contact@example.jp",
    "body": [
        _notice(),
        *_p(
            "メールでお問い合わせください。平日（土日祝日・年末年始を除く）10時〜17時に、"
            "原則として3営業日以内に返信します。",
            "自治体職員の方は、所属・部署名と、ポータルに登録したメールアドレスをお書き添えください。",
        ),
    ],
}

OPERATOR = {
    "title": "運営者情報",
    "intro": "本ポータルの運営主体と責任者です。",
    "body": [
        _notice(),
        _list(
            "名称：地域DX共創ポータル運営事務局（デモ）",
            "運営：Japan CDO Community（JCC）地域DX共創委員会",
            "個人情報保護管理者：運営事務局 事務局長",
            "所在地：東京都千代田区（デモ用の表記です）",
            "連絡先：お問い合わせページをご覧ください",
        ),
    ],
}

TRUST_PAGES = [
    (TermsPage, "terms", TERMS),
    (PrivacyPolicyPage, "privacy", PRIVACY),
    (ContactPage, "contact", CONTACT),
    (OperatorPage, "operator", OPERATOR),
]
REVISED_ON = datetime.date(2026, 4, 1)


def seed(home, ensure) -> None:
    """Create the four pages under `home` with `ensure` (the CMS seeder's idempotent helper)."""
    for model, slug, data in TRUST_PAGES:
        ensure(home, model, slug, last_revised_on=REVISED_ON, **data)
    _record_demo_consents()


def _record_demo_consents() -> None:
    """Demo accounts have accepted the demo terms, so that signing in goes straight in."""
    from portal.accounts.models import User
    from portal.accounts.services import terms_consent_record

    demo_users = User.objects.filter(email__iregex=r"@example\.(jp|com)$")
    for user in demo_users:
        terms_consent_record(user=user, version=DEMO_TERMS_VERSION)
