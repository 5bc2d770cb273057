export declare const declared: number;
declare const notExported: number;
