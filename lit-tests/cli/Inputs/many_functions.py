# many_functions.py COUNT [INVALID...]: a module of COUNT functions, each a
# small loop over memory and arithmetic (about 60 bytes of code), for
# translations that are cut into many chunks (--jobs). Functions named in
# INVALID add an i64 to an i32 instead.
import sys

count = int(sys.argv[1])
invalid = {int(a) for a in sys.argv[2:]}
print("(module")
print("  (memory 1)")
for i in range(count):
    print(f"  (func $f{i} (export \"f{i}\") (param i32 i32) (result i32) (local i32)")
    if i in invalid:
        print(f"    (drop (i32.add (local.get 0) (i64.const {i})))")
    print("    (block (loop")
    for k in range(3 + i % 5):
        print(f"      (local.set 2 (i32.add (local.get 2) (i32.xor (local.get {k % 2}) (i32.const {i * 977 + k}))))")
    if i % 3 == 0:
        print(f"      (i32.store (i32.const {i * 4}) (local.get 2))")
        print(f"      (local.set 2 (i32.load offset={i % 64} (local.get 2)))")
    if i > 0 and i % 4 == 1:
        print(f"      (local.set 2 (call $f{i - 1} (local.get 2) (local.get 1)))")
    print(f"      (br_if 0 (i32.lt_u (local.get 2) (i32.const {i})))))")
    print("    (local.get 2))")
print(")")
