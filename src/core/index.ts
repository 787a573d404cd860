export * from "./address";
export * from "./amount";
export * from "./catalogue";
export * from "./check";
export * from "./classify";
export * from "./context";
export * from "./finding";
export * from "./snapshot";
