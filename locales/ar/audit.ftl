# conndoctor audit — server-side messages (ar).
