"""Arabic for the terminal: reshape, wrap, reorder, align and sanitise, as pure functions."""
