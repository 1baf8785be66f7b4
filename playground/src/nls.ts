/**
 * Monaco's own words (menus, find widget, hovers) in Simplified Chinese. This module must be
 * evaluated before any Monaco module, so it is the first import of main.ts and imports nothing
 * from Monaco's API itself.
 */
import "monaco-editor/nls/lang/zh-cn";
