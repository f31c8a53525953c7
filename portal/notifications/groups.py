"""Channel-layer group names, built from primary keys only."""


def user_group(user_id: int) -> str:
    return f"user.{user_id}"
