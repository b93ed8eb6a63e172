// The parser stack-allocates its scratch buffers (the reasoning sentence, a title's characters, the feature vector) on
// every name and writes each before reading it, so the runtime's zeroing of them was pure cost on the hot path.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
