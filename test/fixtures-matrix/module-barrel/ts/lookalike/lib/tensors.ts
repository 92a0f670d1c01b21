// a numeric library's vector, with its own add()
export const bias = { add: (v) => v };
