"""Admin for residents\x27 questions."""
