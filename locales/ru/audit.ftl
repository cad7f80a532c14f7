# conndoctor audit — server-side messages (ru).
