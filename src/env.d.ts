interface ImportMetaEnv {
  /** Names the build; defined by src/integrations/offline.ts and carried by every page. */
  readonly KB_BUILD_VERSION: string;
  /** When the build ran, ISO 8601; from the same integration. */
  readonly KB_BUILD_TIME: string;
}
