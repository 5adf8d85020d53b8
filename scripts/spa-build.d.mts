/** apps/admin/dist/index.html */
export declare const builtIndex: string;
/** True when apps/admin/dist holds a build of the current sources. */
export declare function spaBuildIsCurrent(): boolean;
