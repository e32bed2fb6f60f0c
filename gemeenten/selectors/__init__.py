"""Read models of the partnership that pages, the admin and the reports share."""
