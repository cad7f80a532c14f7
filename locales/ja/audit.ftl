# conndoctor audit — server-side messages (ja).
