# conndoctor audit — server-side messages (vi).
