"""The case ↔ request loop (横展開): an advanced case (cms) becomes a draft support request
(community) and a completed request becomes a case-study draft. It sits above both apps."""
