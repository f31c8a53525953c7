"""English texts of the demo terms, privacy policy, contact and operator pages (see trust.py).

Same structure as the Japanese pages, block for block, so that a reviewer can read them side by
side; like them, a sample that the operator must have reviewed before the portal goes live.
"""

from portal.cms.demo.streams import bullet_list, heading, notice, paragraphs

SAMPLE_NOTICE = (
    "This text is a sample for the demo. The operator must review and revise it before "
    "publishing it."
)


def _notice() -> dict:
    return notice(SAMPLE_NOTICE)


TERMS = {
    "title": "Terms of use",
    "intro": (
        "These terms set out the conditions for using the Regional DX Co-creation Portal "
        "(“the Portal”). By registering, you agree to them."
    ),
    "body": [
        _notice(),
        heading("Article 1 (Purpose)"),
        *paragraphs(
            "The Portal is a place where staff of local governments, such as CDOs and CIOs, and "
            "companies such as startups share local challenges and their solutions, and work on "
            "them together."
        ),
        heading("Article 2 (Registration and verification)"),
        *paragraphs(
            "Users register their real name, affiliation and contact details. Verification as a "
            "member of municipal staff is carried out by the operator's moderators after they have "
            "confirmed the user's affiliation. An email address under the lg.jp domain is taken "
            "into account, but is not sufficient for verification on its own."
        ),
        heading("Article 3 (Prohibited conduct)"),
        bullet_list(
            "Registering with a false affiliation or title, or impersonating another person",
            "Reproducing another user's proposals or non-public information without permission",
            "Repeated one-sided contact for sales purposes only",
            "Any act that breaks the law or offends public order and morals",
        ),
        heading("Article 4 (Posted content)"),
        *paragraphs(
            "The copyright in support requests, proposals and messages stays with the person who "
            "posted them. Who can see a post follows the setting chosen when it was posted; the "
            "body of a proposal can be read only by staff of the requesting municipality, members "
            "of the company that made the proposal, and the moderators."
        ),
        heading("Article 5 (Changes to these terms)"),
        *paragraphs(
            "When these terms change, they get a new version and you will be asked to accept them "
            "again the next time you sign in. If you do not accept them, please ask the operator "
            "to delete your account."
        ),
    ],
}

PRIVACY = {
    "title": "Privacy policy (how we handle personal information)",
    "intro": (
        "What personal information the Portal collects, what it is used for, how long it is kept "
        "and who can see it."
    ),
    "body": [
        _notice(),
        heading("1. Information we collect"),
        bullet_list(
            "Account details: email address, display name, preferred language, password (stored "
            "only as a hash)",
            "Affiliation: municipality, department and title, or company name and corporate number",
            "What you post: support requests, proposals, and messages and attachments in "
            "co-creation channels",
            "Usage records: sign-in times, which notifications you have read, and your acceptance "
            "of the terms (version and time)",
        ),
        heading("2. What we use it for"),
        bullet_list(
            "Confirming your identity and verifying you as municipal staff or as a company",
            "Matching support requests with proposals, and running co-creation channels",
            "Notification emails (which you can turn off in your settings), and case studies and "
            "statistics that do not identify individuals",
            "Preventing misuse, and answering enquiries",
        ),
        heading("3. Who can see it"),
        bullet_list(
            "Public information (public support requests, company profiles, published case "
            "studies): anyone",
            "The body of a proposal: verified staff of the requesting municipality, members of the "
            "company that made the proposal, and the moderators",
            "Co-creation channels: the channel's members and the moderators",
            "Documents confirming your affiliation, and sign-in records: the moderators only",
        ),
        heading("4. How long we keep it"),
        *paragraphs(
            "Account details are kept until you leave the Portal, and what you post for as long as "
            "the purpose of publishing or sharing it continues. Within 30 days of your leaving, "
            "we delete your account details; records shared with other users are kept with the "
            "author's name removed. Access logs are deleted after one year."
        ),
        heading("5. Disclosure to third parties and requests for disclosure"),
        *paragraphs(
            "We do not give personal information to third parties without your consent, except "
            "where the law requires it. Requests to see, correct or delete the personal "
            "information we hold about you are handled through the contact point on the Contact "
            "page."
        ),
    ],
}

CONTACT = {
    "title": "Contact",
    "intro": (
        "The contact point for questions about using the Portal, account verification and the "
        "handling of personal information."
    ),
    "body": [
        _notice(),
        *paragraphs(
            "Please contact us by email. We are available on weekdays (not at weekends, on public "
            "holidays or over the New Year break) from 10:00 to 17:00 and normally reply within "
            "three working days.",
            "If you are municipal staff, please include your municipality and department, and the "
            "email address you registered on the Portal.",
        ),
    ],
}

OPERATOR = {
    "title": "Operator",
    "intro": "The organisation that runs the Portal, and who is responsible for it.",
    "body": [
        _notice(),
        bullet_list(
            "Name: Regional DX Co-creation Portal Secretariat (demo)",
            "Run by: Regional DX Co-creation Committee, Japan CDO Community (JCC)",
            "Personal information protection manager: Head of the Secretariat",
            "Address: Chiyoda, Tokyo (a demo address)",
            "Contact: please see the Contact page",
        ),
    ],
}
