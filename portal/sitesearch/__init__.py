"""Site-wide search (/ja/search/): orchestration over the apps whose content it searches.

It sits above cms, community and startups (it imports all three); the analysis it uses is
``portal.search``, a service every app may import.
"""
