# conndoctor audit — server-side messages (th).
