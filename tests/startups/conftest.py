# Fixtures of the proposal tests (see proposal_world.py).
from tests.startups.proposal_world import client_as, co_sponsor, plain_member, world  # noqa: F401
