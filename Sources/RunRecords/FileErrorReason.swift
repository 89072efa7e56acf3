import Foundation

/// The plain words for a file system error, for a message that already names the file:
/// "permission denied", "no such file or directory", never Foundation's
/// "NSCocoaErrorDomain error 512" or a raw `NSError` dump. Every command and store that reports
/// a file or folder problem says it this way.
public func plainReason(of error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain { return posixReason(Int32(nsError.code)) }
    // On Linux the underlying error is a Swift error (often `POSIXError`), which `as? NSError`
    // does not bridge: take it as an error, then as an `NSError`.
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
        let bridged = underlying as NSError
        if bridged.domain == NSPOSIXErrorDomain { return posixReason(Int32(bridged.code)) }
    }
    guard nsError.domain == NSCocoaErrorDomain else { return "\(error)" }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "no space left on device"
    case .fileWriteVolumeReadOnly: return "read-only file system"
    case .fileWriteFileExists: return "file exists"
    case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "the file is not readable text"
    default: return "the file system refused (Foundation file error \(nsError.code))"
    }
}

/// The C library's text for an errno, starting lower case to follow a colon.
private func posixReason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}

/// Whether an error is a Foundation file error (which `plainReason(of:)` puts in plain words).
public func isFileError(_ error: any Error) -> Bool {
    let domain = (error as NSError).domain
    return domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain
}

/// The file a Foundation file error is about, when it says.
public func fileErrorPath(_ error: any Error) -> String? {
    let info = (error as NSError).userInfo
    return info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path
}
