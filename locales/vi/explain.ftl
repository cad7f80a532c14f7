# conndoctor explain — messages for pasted error messages (vi).
