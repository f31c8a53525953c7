"""Demo data orchestration (development only): `manage.py seed_demo` runs each app's demo module.

Top layer: it may import every app; no app imports it.
"""
