export declare function fetchUsers(): Promise<unknown>;
