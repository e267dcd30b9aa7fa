export declare const ROOT: string;
export declare const BUILD_INFO: string;
export declare function sourceFingerprint(root?: string): string;
export declare function buildIsCurrent(root?: string): boolean;
