export declare const NODE_FLAGS: string[];
export declare function hasNodeFlags(execArgv?: string[]): boolean;
export declare function relaunchWithNodeFlags(script: string): void;
