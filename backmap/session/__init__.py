"""An open plan kept safe on disk, for the app and plain mode alike: no Textual."""
