# conndoctor audit — server-side messages (en).
