"""The Unicode Bidirectional Algorithm (UAX #9), one module per phase of it.

`explicit` (P2-P3, X1-X9), `sequences` (X10), `weak` (W1-W7), `neutral` (N0-N2) and
`paragraph` (I1-I2, L1, and the order they run in); `reader.render.reorder` is the face
the engine uses. GNU FriBidi is the reference the tests compare against.
"""
