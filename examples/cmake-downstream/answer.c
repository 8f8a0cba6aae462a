// Compiled to WebAssembly by wasm2cpp_add_wasm (see CMakeLists.txt).
int answer(void) { return 42; }
