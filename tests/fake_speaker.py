"""A stand-in for espeak-ng: writes what it was asked to say, then talks for a while.

Used as BACKMAP_SPEAKER in tests, to prove what would be said and that the
app never waits for speech to finish.
"""

import sys
import time

if __name__ == "__main__":
    out = sys.argv[1]
    words = sys.argv[sys.argv.index("--") + 1]
    with open(out, "a", encoding="utf-8") as stream:
        stream.write(words + "\n")
    time.sleep(30)
